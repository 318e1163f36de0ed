package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${reclaimLicenses}}: releases the asset's license seats (idempotent; the retirement id is the key). */
@Component("reclaimLicenses")
class ReclaimLicensesDelegate implements JavaDelegate {

    private final Retirements retirements;

    ReclaimLicensesDelegate(Retirements retirements) {
        this.retirements = retirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retirements.reclaimLicenses(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
