package com.itadcustody.retirement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningFailed;
import com.itadcustody.retirement.DeprovisioningRequest;
import com.itadcustody.retirement.DeprovisioningResult;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP connector against a real HTTP server, with its waits recorded instead of slept. */
class HttpDeprovisioningConnectorTests {

    final Deque<Integer> statuses = new ArrayDeque<>();
    final List<String> authorizations = new ArrayList<>();
    final List<Duration> waits = new ArrayList<>();
    HttpServer server;
    String body = "{\"outcome\": \"DONE\"}";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                Integer status = statuses.poll();
                byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() {
        statuses.addAll(List.of(503, 500, 429));

        DeprovisioningResult result = connector(5, Duration.ofMillis(100), "t0ken").deprovision(request());

        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(authorizations).containsOnly("Bearer t0ken");
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastError() {
        statuses.addAll(List.of(502, 502, 502));
        body = "{\"error\": \"gateway\"}";

        assertThatThrownBy(() -> connector(3, Duration.ofSeconds(1), null).deprovision(request()))
                .isInstanceOfSatisfying(DeprovisioningFailed.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.system()).isEqualTo(DeprovisioningAttestation.System.DIRECTORY);
                })
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 502")
                .hasMessageContaining("gateway");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(authorizations).containsOnlyNulls();
    }

    @Test
    void aClientErrorIsNotRetried() {
        statuses.add(401);

        assertThatThrownBy(() -> connector(3, Duration.ofSeconds(1), null).deprovision(request()))
                .hasMessageContaining("HTTP 401").hasMessageContaining("not retried");
        assertThat(authorizations).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anUnknownOutcomeIsAFailureNotAGuess() {
        body = "{\"outcome\": \"MAYBE\"}";

        assertThatThrownBy(() -> connector(3, Duration.ZERO, null).deprovision(request()))
                .hasMessageContaining("unknown outcome 'MAYBE'");
    }

    @Test
    void notApplicableAndAnswersWithoutOutcome() {
        body = "{\"outcome\": \"NOT_APPLICABLE\"}";
        assertThat(connector(1, Duration.ZERO, null).deprovision(request()).outcome())
                .isEqualTo(DeprovisioningAttestation.Outcome.NOT_APPLICABLE);
        body = "disabled";
        assertThat(connector(1, Duration.ZERO, null).deprovision(request()).outcome())
                .isEqualTo(DeprovisioningAttestation.Outcome.DONE);
    }

    @Test
    void keepsAtMost64KiBOfTheAnswerAndHashesAllOfIt() throws Exception {
        byte[] big = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);

        HttpDeprovisioningConnector.Answer answer = HttpDeprovisioningConnector.read(new ByteArrayInputStream(big));

        assertThat(answer.text()).hasSize(HttpDeprovisioningConnector.MAX_STORED_BYTES);
        assertThat(answer.cut()).isTrue();
        assertThat(answer.bytes()).isEqualTo(100_000);
        assertThat(answer.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(big)));
    }

    @Test
    void backoffDoublesUpToAMinute() {
        assertThat(HttpDeprovisioningConnector.backoffBefore(2, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(HttpDeprovisioningConnector.backoffBefore(4, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
        assertThat(HttpDeprovisioningConnector.backoffBefore(10, Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(1));
    }

    private HttpDeprovisioningConnector connector(int attempts, Duration backoff, String token) {
        var settings = new DeprovisioningProperties.Connector(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/directory"), Duration.ofSeconds(5),
                attempts, backoff, token);
        return new HttpDeprovisioningConnector(DeprovisioningAttestation.System.DIRECTORY, settings,
                new ObjectMapper(), waits::add);
    }

    private static DeprovisioningRequest request() {
        UUID retirement = UUID.randomUUID();
        return new DeprovisioningRequest(DeprovisioningRequest.requestIdOf(retirement,
                DeprovisioningAttestation.System.DIRECTORY), retirement, DeprovisioningAttestation.System.DIRECTORY,
                UUID.randomUUID(), "LT-1", "SN1", "LAPTOP", "Lenovo", "T14");
    }
}
