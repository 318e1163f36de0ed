package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Escalations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateRetirement}}: records that a step of a retirement missed its SLA (input parameters
 * {@code overdueStep} and {@code sla}); the step itself stays open.
 */
@Component("escalateRetirement")
class EscalateRetirementDelegate implements JavaDelegate {

    private final Escalations escalations;

    EscalateRetirementDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalateRetirement(MediumSteps.retirement(execution), (String) execution.getVariableLocal("overdueStep"),
                (String) execution.getVariableLocal("sla"));
    }
}
