package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${escalateApproval}}: records that the approval missed its SLA (the approval itself stays open). */
@Component("escalateApproval")
class EscalateApprovalDelegate implements JavaDelegate {

    private final Retirements retirements;

    EscalateApprovalDelegate(Retirements retirements) {
        this.retirements = retirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retirements.escalate(MediumSteps.retirement(execution), RetirementProcess.APPROVE,
                String.valueOf(execution.getVariable("slaApproval")));
    }
}
