package com.itadcustody.partner.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Sha256;
import com.itadcustody.vendor.WebhookSecrets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbound webhook of vendors' systems: one event per delivery, signed with the vendor's webhook secret
 * (HMAC-SHA256 over {@code timestamp + "." + body}), within a time window, and applied at most once per
 * idempotency key. No user login: the signature is the authentication (docs/api.md, "Vendor webhooks").
 */
@RestController
@Tag(name = "Vendor webhooks", description = "Events posted by vendors' systems, signed with HMAC-SHA256")
class WebhookController {

    static final String TIMESTAMP = "X-ITAD-Timestamp";
    static final String SIGNATURE = "X-ITAD-Signature";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String TYPE_BASE = "https://itadcustody.com/problems/";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern SIGNATURE_FORMAT = Pattern.compile("sha256=([0-9a-fA-F]{64})");
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSecrets secrets;
    private final WebhookEvents events;
    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    WebhookController(WebhookSecrets secrets, WebhookEvents events, WebhookDeliveries deliveries,
            WebhookSettings settings, ObjectMapper json, TransactionTemplate transactions) {
        this.secrets = secrets;
        this.events = events;
        this.deliveries = deliveries;
        this.settings = settings;
        this.json = json;
        this.transactions = transactions;
    }

    @PostMapping(path = "/api/v1/partner/webhooks/{vendorId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Deliver one vendor event (pickup_confirmed, received, sanitized, processed), signed with "
            + "the vendor's webhook secret: headers X-ITAD-Timestamp (Unix seconds), X-ITAD-Signature "
            + "(sha256=<hex HMAC-SHA256 of timestamp + \".\" + body>) and Idempotency-Key")
    ResponseEntity<String> deliver(
            @Parameter(description = "the vendor's id") @PathVariable String vendorId,
            HttpServletRequest request) throws IOException {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] body = body(request);
        String timestamp = header(request, TIMESTAMP);
        String signature = header(request, SIGNATURE);
        String key = header(request, IDEMPOTENCY_KEY);
        if (!KEY_FORMAT.matcher(key).matches()) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "idempotency-key-format", IDEMPOTENCY_KEY,
                    "Idempotency-Key is 1 to 200 visible ASCII characters");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "timestamp-format", TIMESTAMP,
                    "X-ITAD-Timestamp is the time of signing in whole seconds since 1970-01-01T00:00:00Z");
        }
        long skew = Math.abs(receivedAt.getEpochSecond() - seconds);
        if (skew > settings.tolerance().toSeconds()) {
            throw new WebhookRefused(HttpStatus.UNAUTHORIZED, "webhook-timestamp", TIMESTAMP,
                    "X-ITAD-Timestamp is more than " + settings.tolerance().toSeconds() + " seconds away from the "
                            + "server's clock; sign each delivery (and re-delivery) when sending it");
        }
        UUID vendor = authenticate(vendorId, timestamp.strip(), signature, body);
        String sha = Sha256.hex(body);

        Optional<WebhookDeliveries.Applied> earlier = deliveries.applied(vendor, key);
        if (earlier.isPresent()) {
            return replay(vendor, key, receivedAt, sha, earlier.get());
        }
        WebhookEvent event = parse(vendor, key, receivedAt, sha, body);
        UUID deliveryId = UUID.randomUUID();
        try {
            String answer = transactions.execute(status -> {
                deliveries.record(deliveryId, vendor, key, event.event(), receivedAt, sha, "APPLIED", 200, "{}");
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("deliveryId", deliveryId);
                result.putAll(events.apply(vendor, event));
                result.put("outcome", "APPLIED");
                String text = write(result);
                deliveries.answer(deliveryId, text);
                return text;
            });
            ObjectNode node = (ObjectNode) json.readTree(answer);
            node.put("replayed", false);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(node));
        } catch (DuplicateKeyException concurrent) {
            // the same key was applied by a delivery that committed meanwhile: answer as a replay of it
            return replay(vendor, key, receivedAt, sha, deliveries.applied(vendor, key).orElseThrow());
        } catch (DomainRuleViolated | NotFound | InputRejected refused) {
            rejected(vendor, key, event.event(), receivedAt, sha, refused);
            throw refused;
        }
    }

    @ExceptionHandler(WebhookRefused.class)
    ResponseEntity<ProblemDetail> refused(WebhookRefused e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(TYPE_BASE + e.type()));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("rule", e.type());
        if (e.field() != null) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", e.field());
            error.put("rule", e.type());
            error.put("message", e.getMessage());
            problem.setProperty("errors", List.of(error));
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private UUID authenticate(String vendorId, String timestamp, String signature, byte[] body) {
        UUID vendor = null;
        try {
            vendor = UUID.fromString(vendorId);
        } catch (IllegalArgumentException e) {
            // not a vendor id: answered exactly like an unknown vendor
        }
        var matcher = SIGNATURE_FORMAT.matcher(signature.strip());
        byte[] mac = matcher.matches() ? HexFormat.of().parseHex(matcher.group(1)) : new byte[0];
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        boolean ok = secrets.signatureMatches(vendor == null ? new UUID(0, 0) : vendor, signed, mac);
        if (!ok || vendor == null) {
            log.warn("Webhook delivery for vendor {} refused: signature does not match", vendorId);
            throw WebhookRefused.unauthenticated();
        }
        return vendor;
    }

    private ResponseEntity<String> replay(UUID vendor, String key, Instant receivedAt, String sha,
            WebhookDeliveries.Applied earlier) throws IOException {
        if (!earlier.bodySha256().equals(sha)) {
            deliveries.record(UUID.randomUUID(), vendor, key, null, receivedAt, sha, "REJECTED", 422,
                    "idempotency-key-reused");
            throw new WebhookRefused(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", IDEMPOTENCY_KEY,
                    "this Idempotency-Key was applied already to a different body; use a new key for a new event");
        }
        ObjectNode node = (ObjectNode) json.readTree(earlier.response());
        deliveries.record(UUID.randomUUID(), vendor, key, node.path("event").asText(null), receivedAt, sha,
                "REPLAYED", earlier.status(), earlier.response());
        node.put("replayed", true);
        return ResponseEntity.status(earlier.status()).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED, "true").body(json.writeValueAsString(node));
    }

    private WebhookEvent parse(UUID vendor, String key, Instant receivedAt, String sha, byte[] body) {
        try {
            WebhookEvent event = json.readValue(body, WebhookEvent.class);
            if (event == null) {
                throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-body", null,
                        "The body is not a JSON object.");
            }
            events.validate(event);
            return event;
        } catch (JsonProcessingException e) {
            WebhookRefused refused = malformed(e);
            rejected(vendor, key, null, receivedAt, sha, refused);
            throw refused;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (WebhookRefused | InputRejected refused) {
            rejected(vendor, key, null, receivedAt, sha, refused);
            throw refused;
        }
    }

    private static WebhookRefused malformed(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new WebhookRefused(HttpStatus.BAD_REQUEST, "unknown-field", path(unknown),
                    "Field '" + path(unknown) + "' is not part of a webhook event.");
        }
        if ((e instanceof InvalidFormatException || e instanceof MismatchedInputException)
                && !((JsonMappingException) e).getPath().isEmpty()) {
            String field = path((JsonMappingException) e);
            return new WebhookRefused(HttpStatus.BAD_REQUEST, "invalid-value", field,
                    "Field '" + field + "' has a value of the wrong type or format.");
        }
        return new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-body", null,
                "The body is not valid JSON of a webhook event.");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private void rejected(UUID vendor, String key, String eventType, Instant receivedAt, String sha,
            RuntimeException why) {
        int status = why instanceof WebhookRefused r ? r.status().value()
                : why instanceof DomainRuleViolated d ? d.status().value()
                : why instanceof InputRejected i ? i.status().value() : 404;
        String rule = why instanceof WebhookRefused r ? r.type() : why instanceof DomainRuleViolated d ? d.rule()
                : why instanceof InputRejected i ? i.type() : "not-found";
        deliveries.record(UUID.randomUUID(), vendor, key, eventType, receivedAt, sha, "REJECTED", status,
                rule + ": " + why.getMessage());
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long max = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        return body;
    }

    private static WebhookRefused tooLarge(long max) {
        return new WebhookRefused(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", null,
                "A webhook body has at most " + max + " bytes.");
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "header-required", name, name + " is required");
        }
        return value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
