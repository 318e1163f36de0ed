package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Escalations;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateLot}}: records that a vendor step of a lot missed its SLA (input parameters {@code overdueStep}
 * and {@code sla}); the step itself stays open.
 */
@Component("escalateLot")
class EscalateLotDelegate implements JavaDelegate {

    private final Escalations escalations;

    EscalateLotDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalateLot(UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariableLocal("overdueStep"), (String) execution.getVariableLocal("sla"));
    }
}
