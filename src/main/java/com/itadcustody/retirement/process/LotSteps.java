package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Lots;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code ${lotSteps...}}: what the lot-handoff gateways ask the domain. */
@Component("lotSteps")
public class LotSteps {

    private final Lots lots;

    LotSteps(Lots lots) {
        this.lots = lots;
    }

    /** Whether the lot's vendor holds a certification valid today. */
    public boolean vendorCertified(DelegateExecution execution) {
        return lots.vendorCertified(UUID.fromString(execution.getProcessBusinessKey()));
    }

    /** Whether the receipt left discrepancies to resolve. */
    public boolean hasOpenDiscrepancies(DelegateExecution execution) {
        return lots.hasOpenDiscrepancies(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
