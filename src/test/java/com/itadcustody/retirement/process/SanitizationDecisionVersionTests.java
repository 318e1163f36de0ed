package com.itadcustody.retirement.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workflow's sanitization decision answers from the latest deployed rule set, also after an answer for the
 * same inputs was remembered, and names the rule set that answered.
 */
class SanitizationDecisionVersionTests extends IntegrationTest {

    @Autowired
    RetirementProcess process;

    @Autowired
    RepositoryService repository;

    @Test
    void anAnswerNamesTheRuleSetThatGaveIt() {
        RetirementProcess.SanitizationDecision decision = process.decideSanitization("HDD_ATA", "HIGH",
                "LEAVES_ORGANISATION", false);

        assertThat(decision.methodType()).isEqualTo("DESTROY");
        assertThat(decision.ruleSet()).matches("sanitization-method:\\d+ \\(NIST-SP-800-88r1\\)");
        assertThat(process.decideSanitization("HDD_ATA", "HIGH", "LEAVES_ORGANISATION", false))
                .isEqualTo(decision);
    }

    @Test
    void aNewlyDeployedRuleSetAnswersAtOnceAndItsRemovalRestoresThePreviousOne() throws IOException {
        RetirementProcess.SanitizationDecision before = process.decideSanitization("SSD_SATA", "MODERATE",
                "DISPOSAL", false);
        String revised = rules().replace("camunda:versionTag=\"NIST-SP-800-88r1\"",
                "camunda:versionTag=\"TEST-REVISION\"");
        Deployment deployment = repository.createDeployment().name("test revision of the decision")
                .addString("sanitization-method.dmn", revised).deploy();
        try {
            RetirementProcess.SanitizationDecision after = process.decideSanitization("SSD_SATA", "MODERATE",
                    "DISPOSAL", false);

            assertThat(after.ruleSet()).endsWith("(TEST-REVISION)").isNotEqualTo(before.ruleSet());
            assertThat(after.methodType()).isEqualTo(before.methodType());
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(process.decideSanitization("SSD_SATA", "MODERATE", "DISPOSAL", false)).isEqualTo(before);
    }

    private static String rules() throws IOException {
        try (InputStream in = SanitizationDecisionVersionTests.class.getClassLoader()
                .getResourceAsStream("processes/sanitization-method.dmn")) {
            assertThat(in).as("processes/sanitization-method.dmn on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
