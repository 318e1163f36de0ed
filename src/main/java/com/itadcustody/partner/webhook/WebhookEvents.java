package com.itadcustody.partner.webhook;

import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Applies a vendor's webhook event through the retirement module's API, acting as that vendor, so the same domain
 * rules and tenant checks apply as in the portal: another vendor's lot or retirement is 404, a step that is not
 * open is 409.
 */
@Component
class WebhookEvents {

    static final String PICKUP_CONFIRMED = "pickup_confirmed";
    static final String RECEIVED = "received";
    static final String SANITIZED = "sanitized";
    static final String PROCESSED = "processed";
    static final Set<String> KNOWN = Set.of(PICKUP_CONFIRMED, RECEIVED, SANITIZED, PROCESSED);
    static final int MAX_SERIALS = 10_000;

    private final Lots lots;
    private final Retirements retirements;
    private final Validator validator;

    WebhookEvents(Lots lots, Retirements retirements, Validator validator) {
        this.lots = lots;
        this.retirements = retirements;
        this.validator = validator;
    }

    /**
     * The actor a vendor's system acts as: a VENDOR bound to the vendor, with a user id derived from the vendor's id
     * (the same on every delivery, never a real user's) so records that name who did a step name the webhook.
     */
    static Actor actorFor(UUID vendorId) {
        UUID id = UUID.nameUUIDFromBytes(("itad-webhook:" + vendorId).getBytes(StandardCharsets.UTF_8));
        return new Actor(id, "webhook:" + vendorId, Set.of(Role.VENDOR), vendorId);
    }

    /** Checks that the event has what its type needs (400 naming each missing or invalid field). */
    void validate(WebhookEvent event) {
        List<InputRejected.Problem> problems = new ArrayList<>();
        if (event.event() == null || event.event().isBlank()) {
            problems.add(problem("event", "required", "event is required: one of " + String.join(", ", KNOWN)));
        } else if (!KNOWN.contains(event.event())) {
            problems.add(problem("event", "event-known", "event must be one of pickup_confirmed, received, sanitized,"
                    + " processed"));
        } else {
            switch (event.event()) {
                case PICKUP_CONFIRMED -> require(problems, event.lotId(), "lotId");
                case RECEIVED -> {
                    require(problems, event.lotId(), "lotId");
                    require(problems, event.serials(), "serials");
                    if (event.serials() != null && event.serials().size() > MAX_SERIALS) {
                        problems.add(problem("serials", "max-size", "at most " + MAX_SERIALS + " serials"));
                    }
                    if (event.serials() != null && event.serials().stream().anyMatch(s -> s == null || s.length() > 200)) {
                        problems.add(problem("serials", "serial-format", "every serial is a text of at most 200"
                                + " characters"));
                    }
                }
                case SANITIZED -> {
                    require(problems, event.retirementId(), "retirementId");
                    if (event.mediumId() == null && (event.mediumSerial() == null || event.mediumSerial().isBlank())) {
                        problems.add(problem("mediumSerial", "required", "mediumSerial (or mediumId) is required"));
                    }
                    require(problems, event.sanitization(), "sanitization");
                    nested(problems, "sanitization", event.sanitization());
                }
                case PROCESSED -> {
                    if (event.retirementId() == null && (event.lotId() == null || event.assetSerial() == null
                            || event.assetSerial().isBlank())) {
                        problems.add(problem("retirementId", "required",
                                "retirementId (or lotId and assetSerial) is required"));
                    }
                    require(problems, event.processing(), "processing");
                    nested(problems, "processing", event.processing());
                }
                default -> throw new IllegalStateException(event.event());
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRejected(HttpStatus.BAD_REQUEST, "validation", "The event has missing or invalid fields.",
                    problems, problems.size());
        }
    }

    /** Applies a validated event and returns what it changed, for the answer. */
    Map<String, Object> apply(UUID vendorId, WebhookEvent event) {
        Actor actor = actorFor(vendorId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("event", event.event());
        switch (event.event()) {
            case PICKUP_CONFIRMED -> lot(result, lots.confirmPickup(event.lotId(), actor));
            case RECEIVED -> lot(result, lots.reconcileReceipt(event.lotId(), event.serials(), actor));
            case SANITIZED -> {
                RetirementView retirement = vendorSanitizes(event.retirementId(), vendorId);
                UUID mediumId = event.mediumId() != null ? event.mediumId() : mediumBySerial(retirement.id(),
                        event.mediumSerial());
                RetirementView after = retirements.recordSanitization(retirement.id(), mediumId,
                        event.sanitization(), actor);
                result.put("retirementId", after.id());
                result.put("mediumId", mediumId);
                result.put("passed", event.sanitization().passed());
                putIfSet(result, "openTask", after.openTask());
            }
            case PROCESSED -> {
                UUID retirementId = event.retirementId() != null ? event.retirementId()
                        : retirementInLot(event.lotId(), event.assetSerial(), actor);
                RetirementView after = retirements.recordVendorProcessing(retirementId, event.processing(), actor);
                result.put("retirementId", after.id());
                result.put("disposition", event.processing().disposition().name());
                putIfSet(result, "openTask", after.openTask());
            }
            default -> throw new IllegalStateException(event.event());
        }
        return result;
    }

    /** The retirement whose media this vendor sanitizes on site; any other is 404 like an unknown one. */
    private RetirementView vendorSanitizes(UUID retirementId, UUID vendorId) {
        RetirementView retirement;
        try {
            retirement = retirements.get(retirementId);
        } catch (NotFound e) {
            throw new NotFound("retirement", retirementId);
        }
        if (!vendorId.equals(retirement.sanitizationVendorId())) {
            throw new NotFound("retirement", retirementId);
        }
        return retirement;
    }

    private UUID mediumBySerial(UUID retirementId, String serial) {
        String wanted = serial.strip();
        return retirements.sanitizationPlan(retirementId).stream()
                .filter(p -> p.mediumSerial() != null && p.mediumSerial().strip().equalsIgnoreCase(wanted))
                .map(SanitizationPlanItem::mediumId).findFirst()
                .orElseThrow(() -> new NotFound("medium of retirement " + retirementId + " with serial", wanted));
    }

    private UUID retirementInLot(UUID lotId, String assetSerial, Actor actor) {
        String wanted = assetSerial.strip().toUpperCase(Locale.ROOT);
        return lots.get(lotId, actor).items().stream()
                .filter(i -> i.assetSerial() != null && i.assetSerial().strip().toUpperCase(Locale.ROOT).equals(wanted))
                .map(LotView.Item::retirementId).findFirst()
                .orElseThrow(() -> new NotFound("asset of lot " + lotId + " with serial", assetSerial.strip()));
    }

    private static void lot(Map<String, Object> result, LotView lot) {
        result.put("lotId", lot.id());
        result.put("lotStatus", lot.status());
        putIfSet(result, "openTask", lot.openTask());
        List<Map<String, String>> discrepancies = lot.discrepancies().stream()
                .filter(d -> d.resolution() == null)
                .sorted(Comparator.comparing(LotView.Discrepancy::serial))
                .map(d -> Map.of("kind", d.kind(), "serial", d.serial())).toList();
        result.put("openDiscrepancies", discrepancies);
    }

    private static void putIfSet(Map<String, Object> result, String key, Object value) {
        if (value != null) {
            result.put(key, value);
        }
    }

    private <T> void nested(List<InputRejected.Problem> problems, String prefix, T value) {
        if (value == null) {
            return;
        }
        for (ConstraintViolation<T> v : validator.validate(value)) {
            problems.add(problem(prefix + "." + v.getPropertyPath(), "invalid", v.getMessage()));
        }
        problems.sort(Comparator.comparing(p -> p.field() == null ? "" : p.field()));
    }

    private static void require(List<InputRejected.Problem> problems, Object value, String field) {
        if (value == null) {
            problems.add(problem(field, "required", field + " is required"));
        }
    }

    private static InputRejected.Problem problem(String field, String rule, String message) {
        return new InputRejected.Problem(null, field, rule, message);
    }
}
