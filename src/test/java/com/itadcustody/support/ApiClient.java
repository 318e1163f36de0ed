package com.itadcustody.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for API tests: sends raw bodies (so tests can send malformed JSON), never throws on 4xx or
 * 5xx, and returns status, content type and body.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client without credentials. */
    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    /** A client that sends the bearer token. */
    public static ApiClient withToken(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public Response put(String path, String json) {
        return send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends any method with any body and content type. */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String contentType, byte[] body) {

        /** The body as text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        /** Whether the body is an RFC 9457 problem document. */
        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
