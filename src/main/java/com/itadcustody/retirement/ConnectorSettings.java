package com.itadcustody.retirement;

import com.itadcustody.retirement.internal.DeprovisioningConnectors;
import com.itadcustody.retirement.internal.DeprovisioningProperties;
import com.itadcustody.retirement.internal.RuntimeSettingsStore;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The de-provisioning connectors' settings per system (ADR 10), as administrators see and change them at runtime:
 * an HTTP endpoint with its timeout and attempts, or none so that IT staff attest the system by hand. Configuration
 * ({@code itad.deprovisioning.connectors.*}) applies until an administrator changes a system; the next connector
 * call uses the change. Every change is kept with who made it and when.
 */
@Service
public class ConnectorSettings {

    /** The shortest and longest timeout of one call. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** The longest timeout of one call. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** The longest wait before the second call. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** The most calls in all. */
    public static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(ConnectorSettings.class);

    /** Where a system's setting comes from. */
    public enum Source {
        /** Configuration ({@code itad.deprovisioning.connectors.*}); nobody changed it at runtime. */
        CONFIGURATION,
        /** An administrator set it at runtime. */
        ADMINISTRATOR,
        /** A Spring bean implementing {@link DeprovisioningConnector}: not editable here. */
        BEAN
    }

    /**
     * A system's connector setting as it applies now.
     *
     * @param system the system
     * @param source where it comes from
     * @param connector whether a connector calls the system (else IT staff attest it)
     * @param url the endpoint, or null without a connector
     * @param timeout one call's timeout (the configured or default one without a connector)
     * @param maxAttempts calls in all
     * @param backoff the wait before the second call, doubled before each further one
     * @param tokenSent whether configuration's bearer token is sent (only to the configured endpoint's origin)
     * @param changedAt when an administrator set it, or null
     * @param changedBy who set it, or null
     */
    public record Setting(DeprovisioningAttestation.System system, Source source, boolean connector, String url,
            Duration timeout, int maxAttempts, Duration backoff, boolean tokenSent, Instant changedAt,
            UUID changedBy) {

        /** The setting as one line of text, for the history. */
        public String describe() {
            return connector ? "connector " + url + ", timeout " + timeout + ", " + maxAttempts + " attempts, backoff "
                    + backoff : "manual attestation";
        }
    }

    /**
     * A system's new setting as an administrator enters it.
     *
     * @param connector whether a connector calls the system; false: IT staff attest it (the other fields are kept
     *     as entered but not used)
     * @param url the endpoint: an absolute http or https URL
     * @param timeout one call's timeout, 1 to 60 seconds
     * @param maxAttempts calls in all, 1 to 10
     * @param backoff the wait before the second call, 0 to 60 seconds
     */
    public record Change(boolean connector, String url, Duration timeout, Integer maxAttempts, Duration backoff) {
    }

    private final DeprovisioningConnectors connectors;
    private final RuntimeSettingsStore store;

    ConnectorSettings(DeprovisioningConnectors connectors, RuntimeSettingsStore store) {
        this.connectors = connectors;
        this.store = store;
    }

    /** Every system's setting as it applies now. */
    @Transactional(readOnly = true)
    public List<Setting> list() {
        Map<String, RuntimeSettingsStore.ConnectorRow> rows = store.connectors();
        List<Setting> settings = new ArrayList<>();
        for (DeprovisioningAttestation.System system : DeprovisioningAttestation.System.values()) {
            settings.add(setting(system, rows.get(system.name())));
        }
        return settings;
    }

    /** One system's setting as it applies now. */
    @Transactional(readOnly = true)
    public Setting of(DeprovisioningAttestation.System system) {
        return setting(system, store.connector(system.name()).orElse(null));
    }

    /**
     * Sets a system's connector (administrators). 422 naming the field: {@code url} ({@code connector-url}: absolute
     * http or https), {@code timeout} ({@code connector-timeout}: 1 to 60 s), {@code maxAttempts}
     * ({@code connector-attempts}: 1 to 10), {@code backoff} ({@code connector-backoff}: 0 to 60 s), and
     * {@code timeout} ({@code connector-worst-case}) when all connectors together could take longer than the job
     * executor's lock; 409 {@code connector-bean} for a system served by a connector bean.
     */
    @Transactional
    public Setting change(DeprovisioningAttestation.System system, Change change, Actor actor) {
        requireAdmin(actor);
        if (connectors.bean(system).isPresent()) {
            throw DomainRuleViolated.conflict("connector-bean", null, "The " + system
                    + " connector is a built-in component; its settings cannot be changed here.");
        }
        RuntimeSettingsStore.ConnectorRow row = validated(system, change, actor);
        store.lock("connector");
        if (row.mode().equals("CONNECTOR")) {
            checkWorstCase(system, row);
        }
        Setting before = of(system);
        store.saveConnector(row);
        Setting after = of(system);
        if (!before.describe().equals(after.describe()) || before.source() != Source.ADMINISTRATOR) {
            store.recordChange("connector." + system.name(), described(before), after.describe(), row.changedAt(),
                    actor.userId());
        }
        log.info("De-provisioning connector of {} set by {}: {}", system, actor.username(), after.describe());
        return after;
    }

    /** Goes back to configuration's setting for the system (administrators); recorded if one was set. */
    @Transactional
    public Setting reset(DeprovisioningAttestation.System system, Actor actor) {
        requireAdmin(actor);
        store.lock("connector");
        Setting before = of(system);
        if (store.deleteConnector(system.name())) {
            Setting after = of(system);
            store.recordChange("connector." + system.name(), before.describe(), described(after),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), actor.userId());
            log.info("De-provisioning connector of {} reset to configuration by {}", system, actor.username());
            return after;
        }
        return before;
    }

    /** One page of the connector setting changes, newest first. */
    @Transactional(readOnly = true)
    public PageResult<SettingChange> history(int page, int size) {
        return store.history("connector.", page, size);
    }

    private Setting setting(DeprovisioningAttestation.System system, RuntimeSettingsStore.ConnectorRow row) {
        Optional<DeprovisioningConnector> bean = connectors.bean(system);
        if (bean.isPresent()) {
            return new Setting(system, Source.BEAN, true, bean.get().endpoint(), null, 0, null, false, null, null);
        }
        Optional<DeprovisioningProperties.Connector> configured = connectors.configured(system);
        if (row == null) {
            return configured.map(c -> new Setting(system, Source.CONFIGURATION, true, c.url().toString(),
                            c.timeout(), c.maxAttempts(), c.backoff(), c.token() != null && !c.token().isBlank(),
                            null, null))
                    .orElseGet(() -> new Setting(system, Source.CONFIGURATION, false, null, Duration.ofSeconds(10), 3,
                            Duration.ofSeconds(1), false, null, null));
        }
        boolean connector = row.mode().equals("CONNECTOR");
        return new Setting(system, Source.ADMINISTRATOR, connector, row.url(), row.timeout(), row.maxAttempts(),
                row.backoff(), connector && connectors.tokenGoesTo(system, URI.create(row.url())), row.changedAt(),
                row.changedBy());
    }

    private static RuntimeSettingsStore.ConnectorRow validated(DeprovisioningAttestation.System system, Change change,
            Actor actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String url = change.url() == null ? null : change.url().strip();
        if (change.connector()) {
            url = checkedUrl(url);
        } else if (url != null && (url.isEmpty() || !url.matches("(?i)^https?://.*"))) {
            url = null;
        }
        Duration timeout = change.timeout();
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw DomainRuleViolated.unprocessable("connector-timeout", "timeout",
                    "The timeout is between 1 and 60 seconds.");
        }
        Integer attempts = change.maxAttempts();
        if (attempts == null || attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw DomainRuleViolated.unprocessable("connector-attempts", "maxAttempts",
                    "The attempts are between 1 and " + MAX_ATTEMPTS + " (the first call included).");
        }
        Duration backoff = change.backoff();
        if (backoff == null || backoff.isNegative() || backoff.compareTo(MAX_BACKOFF) > 0) {
            throw DomainRuleViolated.unprocessable("connector-backoff", "backoff",
                    "The wait before a retry is between 0 and 60 seconds.");
        }
        return new RuntimeSettingsStore.ConnectorRow(system.name(), change.connector() ? "CONNECTOR" : "MANUAL", url,
                timeout, attempts, backoff, now, actor.userId());
    }

    private static String checkedUrl(String url) {
        URI uri = null;
        if (url != null && !url.isEmpty() && url.length() <= 2000) {
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                uri = null;
            }
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getRawUserInfo() != null) {
            throw DomainRuleViolated.unprocessable("connector-url", "url",
                    "Enter an absolute http:// or https:// URL (without user name or password), e.g."
                            + " https://mdm.example.com/api/retire.");
        }
        return uri.toString();
    }

    private void checkWorstCase(DeprovisioningAttestation.System changed, RuntimeSettingsStore.ConnectorRow row) {
        Duration worst = new DeprovisioningProperties.Connector(URI.create(row.url()), row.timeout(),
                row.maxAttempts(), row.backoff(), null).worstCase();
        for (DeprovisioningAttestation.System other : DeprovisioningAttestation.System.values()) {
            if (other != changed) {
                Optional<DeprovisioningProperties.Connector> current = connectors.current(other);
                if (current.isPresent() && connectors.bean(other).isEmpty()) {
                    worst = worst.plus(current.get().worstCase());
                }
            }
        }
        if (worst.compareTo(DeprovisioningProperties.MAX_STEP) > 0) {
            throw DomainRuleViolated.unprocessable("connector-worst-case", "timeout",
                    "All connectors together could take " + worst.toSeconds() + " s in the worst case (attempts x"
                            + " timeout + waits); keep it under " + DeprovisioningProperties.MAX_STEP.toSeconds()
                            + " s, e.g. with a shorter timeout or fewer attempts.");
        }
    }

    private static String described(Setting setting) {
        return setting.source() == Source.ADMINISTRATOR ? setting.describe() : "configuration: " + setting.describe();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null,
                    "only administrators change connector settings");
        }
    }
}
