package com.itadcustody.retirement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.retirement.DeprovisioningAttestation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The connectors' configuration as documented in docs/operations.md: environment variables and properties. */
class DeprovisioningPropertiesTests {

    @Test
    void environmentVariablesConfigureEverySystem() {
        DeprovisioningProperties properties = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "ITAD_DEPROVISIONING_CONNECTORS_MDM_URL", "https://mdm.example.com/retire",
                "ITAD_DEPROVISIONING_CONNECTORS_MDM_TOKEN", "secret",
                "ITAD_DEPROVISIONING_CONNECTORS_DEVICECERTIFICATES_URL", "https://pki.example.com/revoke",
                "ITAD_DEPROVISIONING_CONNECTORS_DEVICECERTIFICATES_TIMEOUT", "20s",
                "ITAD_DEPROVISIONING_CONNECTORS_REMOTEACCOUNTS_MAXATTEMPTS", "5",
                "ITAD_DEPROVISIONING_CONNECTORS_REMOTEACCOUNTS_URL", "http://accounts.internal/unpair",
                "ITAD_DEPROVISIONING_RETRY_CYCLE", "R5/PT10M")));

        assertThat(properties.connectors()).containsOnlyKeys(DeprovisioningAttestation.System.MDM,
                DeprovisioningAttestation.System.DEVICE_CERTIFICATES, DeprovisioningAttestation.System.REMOTE_ACCOUNTS);
        var mdm = properties.connectors().get(DeprovisioningAttestation.System.MDM);
        assertThat(mdm.url()).hasToString("https://mdm.example.com/retire");
        assertThat(mdm.token()).isEqualTo("secret");
        assertThat(mdm.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(mdm.maxAttempts()).isEqualTo(3);
        assertThat(mdm.backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.connectors().get(DeprovisioningAttestation.System.DEVICE_CERTIFICATES).timeout())
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.connectors().get(DeprovisioningAttestation.System.REMOTE_ACCOUNTS).maxAttempts())
                .isEqualTo(5);
        assertThat(properties.retryCycle()).isEqualTo("R5/PT10M");
    }

    @Test
    void kebabCasePropertiesAndDefaults() {
        DeprovisioningProperties properties = bind(new MapPropertySource("props", Map.of(
                "itad.deprovisioning.connectors.device-certificates.url", "https://pki.example.com/revoke",
                "itad.deprovisioning.connectors.directory.url", "")));

        assertThat(properties.retryCycle()).isEqualTo("R3/PT5M");
        assertThat(properties.connectors().get(DeprovisioningAttestation.System.DEVICE_CERTIFICATES).configured())
                .isTrue();
        var directory = properties.connectors().get(DeprovisioningAttestation.System.DIRECTORY);
        assertThat(directory == null || !directory.configured()).as("a blank URL is no connector").isTrue();
        assertThat(bind(new MapPropertySource("none", Map.of())).connectors()).isEmpty();
    }

    @Test
    void refusesWhatWouldNotWork() {
        assertThatThrownBy(() -> bind(new MapPropertySource("p", Map.of(
                "itad.deprovisioning.connectors.mdm.url", "ftp://mdm.example.com/"))))
                .hasStackTraceContaining("absolute http or https URL");
        assertThatThrownBy(() -> bind(new MapPropertySource("p", Map.of(
                "itad.deprovisioning.connectors.mdm.url", "https://mdm.example.com/",
                "itad.deprovisioning.connectors.mdm.max-attempts", "0"))))
                .hasStackTraceContaining("max-attempts");
        assertThatThrownBy(() -> bind(new MapPropertySource("p", Map.of(
                "itad.deprovisioning.connectors.mdm.url", "https://mdm.example.com/",
                "itad.deprovisioning.connectors.mdm.timeout", "2m",
                "itad.deprovisioning.connectors.mdm.max-attempts", "3"))))
                .hasStackTraceContaining("job executor's lock time");
    }

    private static DeprovisioningProperties bind(org.springframework.core.env.PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        if (source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().replace(source.getName(), source);
        } else {
            environment.getPropertySources().addFirst(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("itad.deprovisioning", DeprovisioningProperties.class);
    }
}
