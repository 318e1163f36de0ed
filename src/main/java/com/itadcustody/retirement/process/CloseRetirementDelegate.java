package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeRetirement}}: certificate of disposition, asset disposed, request closed (idempotent). */
@Component("closeRetirement")
class CloseRetirementDelegate implements JavaDelegate {

    private final Retirements retirements;

    CloseRetirementDelegate(Retirements retirements) {
        this.retirements = retirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retirements.close(MediumSteps.retirement(execution));
    }
}
