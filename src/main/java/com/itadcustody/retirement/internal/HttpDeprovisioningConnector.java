package com.itadcustody.retirement.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningConnector;
import com.itadcustody.retirement.DeprovisioningFailed;
import com.itadcustody.retirement.DeprovisioningRequest;
import com.itadcustody.retirement.DeprovisioningResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector that POSTs the asset as JSON to the system's configured endpoint. A 2xx answer is success (its JSON
 * body may say {@code "outcome": "NOT_APPLICABLE"}; otherwise DONE); 5xx, 408, 429, timeouts and I/O errors are
 * retried with exponential backoff up to the configured attempts; any other answer (4xx, 3xx) fails at once. The
 * answer (status, body up to 64 KiB, SHA-256 of the bytes received) is the evidence.
 */
public final class HttpDeprovisioningConnector implements DeprovisioningConnector {

    /** At most this much of the answer is kept as evidence. */
    static final int MAX_STORED_BYTES = 64 * 1024;
    /** At most this much of the answer is read (and hashed). */
    static final int MAX_READ_BYTES = 1024 * 1024;
    /** No wait between attempts is longer than this. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** Waits between attempts (replaced in tests). */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DeprovisioningAttestation.System system;
    private final DeprovisioningProperties.Connector settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Sleeper sleeper;

    HttpDeprovisioningConnector(DeprovisioningAttestation.System system, DeprovisioningProperties.Connector settings,
            ObjectMapper json) {
        this(system, settings, json, d -> Thread.sleep(d.toMillis()));
    }

    HttpDeprovisioningConnector(DeprovisioningAttestation.System system, DeprovisioningProperties.Connector settings,
            ObjectMapper json, Sleeper sleeper) {
        this.system = system;
        this.settings = settings;
        this.json = json;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The wait before attempt {@code attempt} (2, 3, ...): backoff, then doubled each time, at most a minute. */
    static Duration backoffBefore(int attempt, Duration backoff) {
        Duration wait = backoff;
        for (int i = 2; i < attempt && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public DeprovisioningAttestation.System system() {
        return system;
    }

    @Override
    public String endpoint() {
        return settings.url().toString();
    }

    @Override
    public DeprovisioningResult deprovision(DeprovisioningRequest request) {
        HttpRequest call = call(request);
        Instant started = Instant.now();
        long start = System.nanoTime();
        String lastError = null;
        Integer lastStatus = null;
        Throwable lastCause = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(backoffBefore(attempt, settings.backoff()), attempt - 1);
            }
            try {
                HttpResponse<InputStream> response = http.send(call, HttpResponse.BodyHandlers.ofInputStream());
                Answer answer = read(response.body());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new DeprovisioningResult(outcome(answer, status, attempt), endpoint(), status,
                            answer.text(), answer.sha256(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            request.requestId().toString(), attempt, started,
                            Duration.ofNanos(System.nanoTime() - start).toMillis());
                }
                lastStatus = status;
                lastError = "HTTP " + status + " from " + endpoint() + excerpt(answer);
                lastCause = null;
                if (!retried(status)) {
                    throw new DeprovisioningFailed(system, system + " connector: " + lastError + " (not retried)",
                            status, attempt, null);
                }
            } catch (HttpTimeoutException e) {
                lastStatus = null;
                lastError = "no answer from " + endpoint() + " within " + settings.timeout();
                lastCause = e;
            } catch (IOException e) {
                lastStatus = null;
                lastError = "could not call " + endpoint() + ": " + e;
                lastCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeprovisioningFailed(system, system + " connector interrupted", null, attempt, e);
            }
        }
        throw new DeprovisioningFailed(system, system + " connector failed after " + settings.maxAttempts()
                + (settings.maxAttempts() == 1 ? " attempt: " : " attempts: ") + lastError, lastStatus,
                settings.maxAttempts(), lastCause);
    }

    /** 5xx, request timeout and too many requests are worth another call; other answers are not. */
    static boolean retried(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private HttpRequest call(DeprovisioningRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", request.requestId().toString());
        body.put("retirementId", request.retirementId().toString());
        body.put("system", request.system().name());
        body.put("assetId", request.assetId().toString());
        body.put("assetTag", request.assetTag());
        body.put("serialNumber", request.serialNumber());
        body.put("assetType", request.assetType());
        body.put("make", request.make());
        body.put("model", request.model());
        body.values().removeIf(v -> v == null);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", request.requestId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (settings.token() != null && !settings.token().isBlank()) {
            builder.header("Authorization", "Bearer " + settings.token().strip());
        }
        return builder.build();
    }

    private DeprovisioningAttestation.Outcome outcome(Answer answer, int status, int attempt) {
        if (answer.text().isBlank()) {
            return DeprovisioningAttestation.Outcome.DONE;
        }
        JsonNode node;
        try {
            node = json.readTree(answer.text());
        } catch (IOException e) {
            return DeprovisioningAttestation.Outcome.DONE;
        }
        JsonNode outcome = node == null ? null : node.get("outcome");
        if (outcome == null || outcome.isNull()) {
            return DeprovisioningAttestation.Outcome.DONE;
        }
        try {
            return DeprovisioningAttestation.Outcome.valueOf(outcome.asText());
        } catch (IllegalArgumentException e) {
            throw new DeprovisioningFailed(system, system + " connector: HTTP " + status + " from " + endpoint()
                    + " with an unknown outcome '" + outcome.asText() + "' (expected DONE or NOT_APPLICABLE)",
                    status, attempt, null);
        }
    }

    private void pause(Duration wait, int attemptsSoFar) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeprovisioningFailed(system, system + " connector interrupted", null, attemptsSoFar, e);
        }
    }

    /** The answer: its text (cut), the SHA-256 and size of the bytes read. */
    record Answer(String text, String sha256, long bytes, boolean cut) {
    }

    static Answer read(InputStream body) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total = 0;
        boolean cut = false;
        try (InputStream in = body) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                int take = (int) Math.min(n, MAX_READ_BYTES - total);
                sha.update(buffer, 0, take);
                int keep = (int) Math.max(0, Math.min(take, MAX_STORED_BYTES - kept.size()));
                kept.write(buffer, 0, keep);
                total += take;
                if (keep < n) {
                    cut = true;
                }
                if (total >= MAX_READ_BYTES) {
                    break;
                }
            }
        }
        String text = new String(kept.toByteArray(), StandardCharsets.UTF_8).replace("\u0000", "");
        return new Answer(text, HexFormat.of().formatHex(sha.digest()), total, cut);
    }

    private static String excerpt(Answer answer) {
        String text = answer.text().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
}
