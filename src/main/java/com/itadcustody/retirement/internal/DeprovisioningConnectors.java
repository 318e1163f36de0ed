package com.itadcustody.retirement.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningConnector;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The de-provisioning connector of each system that has one: a Spring bean implementing
 * {@link DeprovisioningConnector}, or an HTTP connector whose settings an administrator set at runtime
 * ({@code retirement_connector_setting}) or, until then, configuration gives. The settings are read on every call,
 * so a change applies to the next connector call. Also the bean the model reads its retry cycle from
 * ({@code ${deprovisioningConnectors.retryCycle}}).
 */
@Component("deprovisioningConnectors")
public class DeprovisioningConnectors {

    private static final Logger LOG = LoggerFactory.getLogger(DeprovisioningConnectors.class);

    private final Map<DeprovisioningAttestation.System, DeprovisioningConnector> beans;
    private final Map<DeprovisioningAttestation.System, DeprovisioningProperties.Connector> configured;
    private final RuntimeSettingsStore settings;
    private final ObjectMapper json;
    private final String retryCycle;
    /** HTTP connectors by their settings, so an unchanged setting keeps its HTTP client. */
    private final Map<Key, HttpDeprovisioningConnector> http = new ConcurrentHashMap<>();

    DeprovisioningConnectors(DeprovisioningProperties properties, ObjectProvider<DeprovisioningConnector> beans,
            ObjectMapper json, RuntimeSettingsStore settings) {
        Map<DeprovisioningAttestation.System, DeprovisioningConnector> byBean =
                new EnumMap<>(DeprovisioningAttestation.System.class);
        beans.orderedStream().forEach(bean -> {
            if (byBean.putIfAbsent(bean.system(), bean) != null) {
                throw new IllegalStateException("two de-provisioning connectors for " + bean.system());
            }
        });
        Map<DeprovisioningAttestation.System, DeprovisioningProperties.Connector> fromConfiguration =
                new EnumMap<>(DeprovisioningAttestation.System.class);
        properties.connectors().forEach((system, connector) -> {
            if (!connector.configured()) {
                return;
            }
            if (byBean.containsKey(system)) {
                throw new IllegalStateException("de-provisioning of " + system + " has both a connector bean and"
                        + " itad.deprovisioning.connectors configuration; keep one");
            }
            fromConfiguration.put(system, connector);
        });
        this.beans = Collections.unmodifiableMap(byBean);
        this.configured = Collections.unmodifiableMap(fromConfiguration);
        this.settings = settings;
        this.json = json;
        this.retryCycle = properties.retryCycle().strip();
        for (DeprovisioningAttestation.System system : DeprovisioningAttestation.System.values()) {
            LOG.info("De-provisioning of {} (configuration; administrators may change it at runtime): {}", system,
                    byBean.containsKey(system) ? "connector " + byBean.get(system).endpoint()
                            : fromConfiguration.containsKey(system) ? "connector " + fromConfiguration.get(system).url()
                            : "attested by IT staff");
        }
    }

    /** The connector of this system as it stands now, if it has one. */
    public Optional<DeprovisioningConnector> of(DeprovisioningAttestation.System system) {
        DeprovisioningConnector bean = beans.get(system);
        if (bean != null) {
            return Optional.of(bean);
        }
        return current(system).map(connector -> http.computeIfAbsent(new Key(system, connector),
                key -> new HttpDeprovisioningConnector(system, connector, json)));
    }

    /** The connector a Spring bean gives the system, if one does (its settings are not editable). */
    public Optional<DeprovisioningConnector> bean(DeprovisioningAttestation.System system) {
        return Optional.ofNullable(beans.get(system));
    }

    /** The HTTP connector settings configuration gives the system, if any. */
    public Optional<DeprovisioningProperties.Connector> configured(DeprovisioningAttestation.System system) {
        return Optional.ofNullable(configured.get(system));
    }

    /**
     * The HTTP connector settings that apply now: the administrator's (none when set to MANUAL), else
     * configuration's. Configuration's bearer token goes only to the configured endpoint's origin.
     */
    public Optional<DeprovisioningProperties.Connector> current(DeprovisioningAttestation.System system) {
        Optional<RuntimeSettingsStore.ConnectorRow> row = settings.connector(system.name());
        if (row.isEmpty()) {
            return Optional.ofNullable(configured.get(system));
        }
        RuntimeSettingsStore.ConnectorRow r = row.get();
        if (!"CONNECTOR".equals(r.mode())) {
            return Optional.empty();
        }
        URI url = URI.create(r.url());
        return Optional.of(new DeprovisioningProperties.Connector(url, r.timeout(), r.maxAttempts(), r.backoff(),
                tokenFor(system, url)));
    }

    /** Whether configuration's bearer token would be sent to this endpoint (only to the configured origin). */
    public boolean tokenGoesTo(DeprovisioningAttestation.System system, URI url) {
        return tokenFor(system, url) != null;
    }

    private String tokenFor(DeprovisioningAttestation.System system, URI url) {
        DeprovisioningProperties.Connector connector = configured.get(system);
        if (connector == null || connector.token() == null || connector.token().isBlank()) {
            return null;
        }
        URI known = connector.url();
        boolean sameOrigin = known.getScheme().equalsIgnoreCase(url.getScheme())
                && known.getHost() != null && known.getHost().equalsIgnoreCase(url.getHost())
                && port(known) == port(url);
        return sameOrigin ? connector.token() : null;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The engine's retry time cycle for the connectors step (read by the model). */
    public String getRetryCycle() {
        return retryCycle;
    }

    private record Key(DeprovisioningAttestation.System system, DeprovisioningProperties.Connector connector) {

        Key {
            Objects.requireNonNull(connector);
        }
    }
}
