package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${selectVerificationSample}}: decides whether this medium gets an independent full verification. */
@Component("selectVerificationSample")
class SelectVerificationSampleDelegate implements JavaDelegate {

    private final Retirements retirements;

    SelectVerificationSampleDelegate(Retirements retirements) {
        this.retirements = retirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retirements.selectForVerification(MediumSteps.retirement(execution), MediumSteps.medium(execution));
    }
}
