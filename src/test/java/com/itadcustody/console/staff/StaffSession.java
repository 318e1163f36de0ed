package com.itadcustody.console.staff;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session with the staff console for tests: keeps the session cookie, signs in on the staff
 * sign-in page, and sends forms with the CSRF token of the last page that had one. Never follows redirects.
 */
final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private StaffSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A session signed in on {@code /login} as this user. */
    static StaffSession signedIn(int port, String username, String password) {
        StaffSession session = new StaffSession(port);
        session.get("/login");
        Response signIn = session.post("/login", List.of(Map.entry("username", username),
                Map.entry("password", password)));
        if (signIn.status() != 302 || signIn.location() == null || signIn.location().contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + signIn.status() + " "
                    + signIn.location());
        }
        session.csrf = null;
        return session;
    }

    /** The answer of a request: status, location, content type, body as text and as bytes. */
    record Response(int status, String location, String contentType, String body, byte[] bytes) {
    }

    /** GETs the path (remembering the CSRF token of a page with a form). */
    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs the fields (url-encoded, repeated names allowed) with the CSRF token of the last page with a form. */
    Response post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = type.startsWith("application/pdf") ? "" : new String(response.body(),
                    StandardCharsets.UTF_8);
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
