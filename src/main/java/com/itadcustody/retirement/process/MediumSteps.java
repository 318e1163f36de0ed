package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${mediumSteps...}}: what the per-medium gateways ask the domain (the latest attempt of the medium in
 * {@code mediumId}), so that no routing state lives in process variables shared by parallel instances.
 */
@Component("mediumSteps")
public class MediumSteps {

    private final Retirements retirements;

    MediumSteps(Retirements retirements) {
        this.retirements = retirements;
    }

    /** Whether the medium's latest sanitization attempt passed. */
    public boolean sanitizationPassed(DelegateExecution execution) {
        return retirements.sanitizationPassed(retirement(execution), medium(execution));
    }

    /** Whether the medium's latest attempt was verified. */
    public boolean verificationPassed(DelegateExecution execution) {
        return retirements.verificationPassed(retirement(execution), medium(execution));
    }

    static UUID retirement(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    static UUID medium(DelegateExecution execution) {
        return UUID.fromString(execution.getVariable("mediumId").toString());
    }
}
