package com.itadcustody.console.admin;

import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.io.ByteArrayOutputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session with the staff console for the admin page tests: signs in on {@code /login}, keeps the
 * session cookie, sends each form with the CSRF token of the last page that had one (fields may repeat, as
 * checkboxes do), never follows redirects.
 */
final class AdminSession {

    static final String PASSWORD = "admin-pages-test-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private AdminSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A new user with this role (VENDOR users belong to {@code vendorId}); returns the username. */
    static String user(Users users, Role role, UUID vendorId) {
        String username = "admin.pages." + role.name().toLowerCase().replace('_', '-') + "."
                + UUID.randomUUID().toString().substring(0, 8);
        users.register(new NewUser(username, "Test " + username, username + "@test.itadcustody.invalid", PASSWORD,
                Set.of(role), vendorId), Actor.system());
        return username;
    }

    /** A session signed in on {@code /login}, holding the CSRF token of the signed-in session. */
    static AdminSession signedIn(int port, String username, String password) {
        AdminSession session = new AdminSession(port);
        session.get("/login");
        Response signIn = session.post("/login", Map.of("username", username, "password", password));
        if (signIn.location() == null || signIn.location().contains("error")) {
            throw new AssertionError("could not sign in as " + username + ": " + signIn.location());
        }
        session.get("/login");
        return session;
    }

    /** An answer: status, redirect location, body as text and bytes. */
    record Response(int status, String location, String body, byte[] bytes) {
    }

    /** A file of a multipart form. */
    record FilePart(String field, String fileName, byte[] content) {
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs a url-encoded form with the CSRF token. */
    Response post(String path, Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return post(path, pairs.toArray(String[]::new));
    }

    /** POSTs a url-encoded form of name/value pairs (names may repeat) with the CSRF token. */
    Response post(String path, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrf == null ? "" : csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** POSTs a multipart form with files and the CSRF token, as a browser sends an upload. */
    Response postMultipart(String path, Map<String, String> form, List<FilePart> files) {
        String boundary = "----admin-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf == null ? "" : csrf);
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

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher token = CSRF.matcher(body);
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null), body,
                    response.body());
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
