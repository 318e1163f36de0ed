package com.itadcustody.partner.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session with the portal for tests: keeps the session cookie, signs in on the portal's login
 * form, and sends each form with the CSRF token of the last page that had one. Never follows redirects, so tests
 * see them.
 */
public final class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private PortalSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(
                HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A session that has not signed in. */
    public static PortalSession anonymous(int port) {
        return new PortalSession(port);
    }

    /**
     * A session signed in on the portal's own login page (the answer to the sign-in is not checked), holding the
     * CSRF token of the signed-in session (signing in replaces the token).
     */
    public static PortalSession signedIn(int port, String username, String password) {
        PortalSession session = new PortalSession(port);
        session.login(username, password);
        session.get("/portal");
        return session;
    }

    /** Posts the portal's login form; answers the redirect that follows it. */
    public Response login(String username, String password) {
        get("/portal/login");
        return post("/portal/login", Map.of("username", username, "password", password));
    }

    /** The answer of a page, status, location and body. */
    public record Response(int status, String location, String contentType, String body, byte[] bytes) {
    }

    /** GETs the path (remembering the CSRF token of a page with a form). */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs the form (url-encoded) with the CSRF token, fetching the dashboard first if no page gave one yet. */
    public Response post(String path, Map<String, String> form) {
        if (csrf == null) {
            get("/portal/login");
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A file of a multipart form.
     *
     * @param field the form field
     * @param fileName the file's name
     * @param content its bytes
     */
    public record FilePart(String field, String fileName, byte[] content) {
    }

    /** POSTs the form as multipart/form-data with these files and the CSRF token, as a browser sends uploads. */
    public Response postMultipart(String path, Map<String, String> form, List<FilePart> files) {
        if (csrf == null) {
            get("/portal/login");
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        String boundary = "----portal-test-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** POSTs the form without any CSRF token (to check that it is refused). */
    public Response postWithoutCsrf(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = type.startsWith("application/pdf") ? "" : new String(response.body(), StandardCharsets.UTF_8);
            Matcher token = CSRF.matcher(body);
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null), type,
                    body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
