package com.itadcustody.retirement.process;

import com.itadcustody.retirement.SlaSettings;
import org.springframework.stereotype.Component;

/**
 * {@code ${retirementSla.*}}: the SLA durations the models' boundary timers use, as ISO-8601 durations, read from
 * {@link SlaSettings} (configuration {@code itad.retirement.sla.*}, or an administrator's value set at runtime) when
 * each timer starts, so a changed SLA applies to the steps that start after the change.
 */
@Component("retirementSla")
public class RetirementSla {

    private final SlaSettings settings;

    RetirementSla(SlaSettings settings) {
        this.settings = settings;
    }

    /** How long an approval may wait before it is escalated. */
    public String getApproval() {
        return settings.current(SlaSettings.Step.APPROVAL).toString();
    }

    /** How long a signed-off lot may wait for the vendor's pickup. */
    public String getPickup() {
        return settings.current(SlaSettings.Step.PICKUP).toString();
    }

    /** How long the vendor may take to reconcile the receipt after the pickup. */
    public String getReceipt() {
        return settings.current(SlaSettings.Step.RECEIPT).toString();
    }

    /** How long the vendor may take to grade and dispose of a received asset. */
    public String getVendorProcessing() {
        return settings.current(SlaSettings.Step.VENDOR_PROCESSING).toString();
    }
}
