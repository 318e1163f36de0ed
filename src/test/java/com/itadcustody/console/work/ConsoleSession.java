package com.itadcustody.console.work;

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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session with the staff console for tests: signs in on the staff sign-in page, keeps the session
 * cookie, sends each form with the CSRF token of the last page that had one (fields may repeat, as a selection of
 * assets does), and never follows redirects.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A session signed in as this user (the sign-in's answer is checked: it must not be refused). */
    static ConsoleSession signedIn(int port, String username, String password) {
        ConsoleSession session = new ConsoleSession(port);
        session.get("/login");
        Response signIn = session.post("/login", Form.of("username", username, "password", password));
        if (signIn.location() == null || signIn.location().contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " refused: " + signIn.location());
        }
        session.get("/tasks"); // a console page: its sign-out form holds the signed-in session's CSRF token
        return session;
    }

    /** The answer to a request: status, Location header, content type and body. */
    record Response(int status, String location, String contentType, String body) {
    }

    /** Form fields in order; a name may repeat. */
    static final class Form {
        private final List<String[]> fields = new ArrayList<>();

        /** A form of name/value pairs. */
        static Form of(String... pairs) {
            Form form = new Form();
            for (int i = 0; i < pairs.length; i += 2) {
                form.add(pairs[i], pairs[i + 1]);
            }
            return form;
        }

        /** Adds a field. */
        Form add(String name, Object value) {
            fields.add(new String[] {name, value == null ? "" : value.toString()});
            return this;
        }

        /** Adds every entry of the map. */
        Form addAll(Map<String, ?> values) {
            values.forEach(this::add);
            return this;
        }
    }

    /** GETs the path, remembering the CSRF token of a page with a form. */
    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs the form url-encoded with the CSRF token. */
    Response post(String path, Form form) {
        List<String[]> fields = withCsrf(form);
        String body = fields.stream().map(f -> encode(f[0]) + "=" + encode(f[1])).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs the form as multipart/form-data with one file and the CSRF token. */
    Response postFile(String path, Form form, String field, String fileName, byte[] content) {
        String boundary = "----console-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : withCsrf(form)) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n"
                    + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private List<String[]> withCsrf(Form form) {
        List<String[]> fields = new ArrayList<>(form.fields);
        if (fields.stream().noneMatch(f -> f[0].equals("_csrf"))) {
            fields.add(new String[] {"_csrf", csrf == null ? "" : csrf});
        }
        return fields;
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
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), body);
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
