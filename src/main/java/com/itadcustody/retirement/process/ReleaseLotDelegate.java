package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Lots;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${releaseLot}}: lets every received asset of the lot continue its retirement (idempotent). */
@Component("releaseLot")
class ReleaseLotDelegate implements JavaDelegate {

    private final Lots lots;

    ReleaseLotDelegate(Lots lots) {
        this.lots = lots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lots.release(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
