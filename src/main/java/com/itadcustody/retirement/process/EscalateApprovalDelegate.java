package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Escalations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateApproval}}: kept for retirement instances started on an earlier version of
 * {@code asset-retirement.bpmn}, whose approval escalation names this bean and whose SLA is the variable
 * {@code slaApproval}; the current model uses {@code ${escalateRetirement}}.
 */
@Component("escalateApproval")
class EscalateApprovalDelegate implements JavaDelegate {

    private final Escalations escalations;

    EscalateApprovalDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalateRetirement(MediumSteps.retirement(execution), RetirementProcess.APPROVE,
                String.valueOf(execution.getVariable("slaApproval")));
    }
}
