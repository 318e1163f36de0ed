package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Deprovisioning;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${runDeprovisioningConnectors}}: calls the connector of every system not yet de-provisioned (idempotent:
 * recorded systems are skipped, so a retried job repeats only what failed) and sets {@code manualDeprovisioning}
 * when systems without a connector are left for IT staff. A connector that still fails fails the job; when its
 * retries run out the engine opens an incident.
 */
@Component("runDeprovisioningConnectors")
class RunDeprovisioningConnectorsDelegate implements JavaDelegate {

    private final Deprovisioning deprovisioning;

    RunDeprovisioningConnectorsDelegate(Deprovisioning deprovisioning) {
        this.deprovisioning = deprovisioning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean manual = deprovisioning.runConnectors(MediumSteps.retirement(execution));
        execution.setVariable("manualDeprovisioning", manual);
    }
}
