package com.itadcustody.retirement;

import com.itadcustody.retirement.internal.RuntimeSettingsStore;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA durations of the retirement workflow's steps: configuration ({@code itad.retirement.sla.*}) until an
 * administrator sets a value at runtime. The models' timers read them when each step starts, so a change applies to
 * steps started after it; every change is kept with who made it and when.
 */
@Service
public class SlaSettings {

    /** The longest SLA an administrator may set. */
    public static final Duration MAX = Duration.ofDays(365);

    private static final Logger log = LoggerFactory.getLogger(SlaSettings.class);

    /** The steps that have an SLA. */
    public enum Step {
        /** The asset manager's approval of a retirement request. */
        APPROVAL,
        /** The vendor's pickup of a signed-off lot. */
        PICKUP,
        /** The vendor's receipt of a picked-up lot. */
        RECEIPT,
        /** The vendor's grading and disposition of a received asset. */
        VENDOR_PROCESSING;

        String setting() {
            return "sla." + name();
        }

        /** The step's name as a form field, e.g. {@code vendorProcessing}. */
        public String field() {
            String[] parts = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder field = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                field.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return field.toString();
        }
    }

    /**
     * An SLA as it stands.
     *
     * @param step the step
     * @param duration the duration that applies now
     * @param configured the duration configuration gives
     * @param overridden whether an administrator's value applies (else configuration's)
     * @param changedAt when the administrator's value was set, or null
     * @param changedBy who set it, or null
     */
    public record Sla(Step step, Duration duration, Duration configured, boolean overridden, Instant changedAt,
            UUID changedBy) {
    }

    private final RuntimeSettingsStore store;
    private final Map<Step, Duration> configured = new EnumMap<>(Step.class);

    SlaSettings(RuntimeSettingsStore store,
            @Value("${itad.retirement.sla.approval:P3D}") Duration approval,
            @Value("${itad.retirement.sla.pickup:P5D}") Duration pickup,
            @Value("${itad.retirement.sla.receipt:P2D}") Duration receipt,
            @Value("${itad.retirement.sla.vendor-processing:P30D}") Duration vendorProcessing) {
        this.store = store;
        configured.put(Step.APPROVAL, positive(approval, "approval"));
        configured.put(Step.PICKUP, positive(pickup, "pickup"));
        configured.put(Step.RECEIPT, positive(receipt, "receipt"));
        configured.put(Step.VENDOR_PROCESSING, positive(vendorProcessing, "vendor-processing"));
    }

    /** The duration that applies to a step starting now: the administrator's value, else configuration's. */
    @Transactional(readOnly = true)
    public Duration current(Step step) {
        return store.sla(step.name()).map(row -> Duration.parse(row.duration())).orElse(configured.get(step));
    }

    /** Every step's SLA as it stands. */
    @Transactional(readOnly = true)
    public List<Sla> list() {
        Map<String, RuntimeSettingsStore.SlaRow> rows = store.slas();
        List<Sla> slas = new ArrayList<>();
        for (Step step : Step.values()) {
            RuntimeSettingsStore.SlaRow row = rows.get(step.name());
            slas.add(row == null ? new Sla(step, configured.get(step), configured.get(step), false, null, null)
                    : new Sla(step, Duration.parse(row.duration()), configured.get(step), true, row.changedAt(),
                            row.changedBy()));
        }
        return slas;
    }

    /**
     * Sets a step's SLA (administrators): an ISO-8601 duration such as {@code P3D} or {@code PT36H}, positive and at
     * most {@code P365D}; 422 {@code sla-format} or {@code sla-range} on field {@code duration} otherwise. Setting the
     * value that already applies records nothing.
     */
    @Transactional
    public Sla change(Step step, String duration, Actor actor) {
        requireAdmin(actor);
        Duration value = parse(duration);
        store.lock("sla");
        Duration before = current(step);
        boolean wasOverridden = store.sla(step.name()).isPresent();
        if (wasOverridden && before.equals(value)) {
            return slaOf(step);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.saveSla(new RuntimeSettingsStore.SlaRow(step.name(), value.toString(), now, actor.userId()));
        store.recordChange(step.setting(), describe(before, wasOverridden), value.toString(), now, actor.userId());
        log.info("SLA {} set to {} by {} (was {})", step, value, actor.username(), before);
        return slaOf(step);
    }

    /**
     * Sets several steps' SLAs at once (administrators), all or none: each value is checked as by {@link #change};
     * if any is refused, nothing changes and {@link InputRejected} (422, {@code sla-invalid}) lists each refused
     * value under its step's {@link Step#field() field} name. A step whose value is blank or unchanged is left as
     * it is.
     */
    @Transactional
    public List<Sla> changeAll(Map<Step, String> durations, Actor actor) {
        requireAdmin(actor);
        Map<Step, Duration> parsed = new EnumMap<>(Step.class);
        List<InputRejected.Problem> problems = new ArrayList<>();
        durations.forEach((step, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            try {
                parsed.put(step, parse(text));
            } catch (DomainRuleViolated refused) {
                problems.add(new InputRejected.Problem(null, step.field(), refused.rule(), refused.getMessage()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InputRejected(HttpStatus.UNPROCESSABLE_ENTITY, "sla-invalid",
                    "Some SLA durations were refused; nothing was changed.", problems, problems.size());
        }
        parsed.forEach((step, value) -> {
            if (!value.equals(current(step))) {
                change(step, value.toString(), actor);
            }
        });
        return list();
    }

    /** Goes back to configuration's value for the step (administrators); recorded if a value was set. */
    @Transactional
    public Sla reset(Step step, Actor actor) {
        requireAdmin(actor);
        store.lock("sla");
        Duration before = current(step);
        if (store.deleteSla(step.name())) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            store.recordChange(step.setting(), before.toString(), describe(configured.get(step), false), now,
                    actor.userId());
            log.info("SLA {} reset to configuration ({}) by {}", step, configured.get(step), actor.username());
        }
        return slaOf(step);
    }

    /** One page of the SLA changes, newest first. */
    @Transactional(readOnly = true)
    public PageResult<SettingChange> history(int page, int size) {
        return store.history("sla.", page, size);
    }

    /** Parses an SLA as entered: an ISO-8601 duration ({@code P3D}, {@code PT36H}, {@code P1DT12H}). */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw DomainRuleViolated.unprocessable("sla-format", "duration",
                    "Enter an ISO-8601 duration such as P3D (3 days) or PT36H (36 hours).");
        }
        Duration value;
        try {
            value = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw DomainRuleViolated.unprocessable("sla-format", "duration",
                    "'" + text.strip() + "' is not an ISO-8601 duration; write e.g. P3D (3 days) or PT36H (36 hours).");
        }
        if (value.isNegative() || value.isZero() || value.compareTo(MAX) > 0) {
            throw DomainRuleViolated.unprocessable("sla-range", "duration",
                    "An SLA is longer than zero and at most P365D (365 days).");
        }
        return value;
    }

    private Sla slaOf(Step step) {
        return list().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private static String describe(Duration value, boolean overridden) {
        return overridden ? value.toString() : "configuration: " + value;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "only administrators change SLAs");
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException("itad.retirement.sla." + name + " must be a positive duration, not "
                    + value);
        }
        return value;
    }
}
