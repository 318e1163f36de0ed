package com.itadcustody.identity.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** GET requests with HTTP Basic credentials (the shared ApiClient speaks bearer tokens only). */
final class BasicAuth {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BasicAuth() {
    }

    static String header(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(int port, String path, String username, String password) {
        return get(port, path, username == null ? null : header(username, password));
    }

    static HttpResponse<String> get(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
