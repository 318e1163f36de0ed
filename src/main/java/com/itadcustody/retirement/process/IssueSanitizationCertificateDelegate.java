package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${issueSanitizationCertificate}}: issues the medium's certificate of sanitization (idempotent). */
@Component("issueSanitizationCertificate")
class IssueSanitizationCertificateDelegate implements JavaDelegate {

    private final Retirements retirements;

    IssueSanitizationCertificateDelegate(Retirements retirements) {
        this.retirements = retirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retirements.issueSanitizationCertificate(MediumSteps.retirement(execution), MediumSteps.medium(execution));
    }
}
