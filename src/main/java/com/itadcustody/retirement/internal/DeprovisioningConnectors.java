package com.itadcustody.retirement.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningConnector;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The de-provisioning connector of each system that has one: an HTTP connector from the configuration, or a
 * Spring bean implementing {@link DeprovisioningConnector}. Also the bean the model reads its retry cycle from
 * ({@code ${deprovisioningConnectors.retryCycle}}).
 */
@Component("deprovisioningConnectors")
public class DeprovisioningConnectors {

    private static final Logger LOG = LoggerFactory.getLogger(DeprovisioningConnectors.class);

    private final Map<DeprovisioningAttestation.System, DeprovisioningConnector> bySystem;
    private final String retryCycle;

    DeprovisioningConnectors(DeprovisioningProperties properties, ObjectProvider<DeprovisioningConnector> beans,
            ObjectMapper json) {
        Map<DeprovisioningAttestation.System, DeprovisioningConnector> connectors =
                new EnumMap<>(DeprovisioningAttestation.System.class);
        beans.orderedStream().forEach(bean -> {
            if (connectors.putIfAbsent(bean.system(), bean) != null) {
                throw new IllegalStateException("two de-provisioning connectors for " + bean.system());
            }
        });
        properties.connectors().forEach((system, settings) -> {
            if (!settings.configured()) {
                return;
            }
            if (connectors.containsKey(system)) {
                throw new IllegalStateException("de-provisioning of " + system + " has both a connector bean and"
                        + " itad.deprovisioning.connectors configuration; keep one");
            }
            connectors.put(system, new HttpDeprovisioningConnector(system, settings, json));
        });
        this.bySystem = Collections.unmodifiableMap(connectors);
        this.retryCycle = properties.retryCycle().strip();
        for (DeprovisioningAttestation.System system : DeprovisioningAttestation.System.values()) {
            LOG.info("De-provisioning of {}: {}", system, of(system).map(c -> "connector " + c.endpoint())
                    .orElse("attested by IT staff"));
        }
    }

    /** The connector of this system, if it has one. */
    public Optional<DeprovisioningConnector> of(DeprovisioningAttestation.System system) {
        return Optional.ofNullable(bySystem.get(system));
    }

    /** The engine's retry time cycle for the connectors step (read by the model). */
    public String getRetryCycle() {
        return retryCycle;
    }
}
