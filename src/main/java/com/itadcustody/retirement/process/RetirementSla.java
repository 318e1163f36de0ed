package com.itadcustody.retirement.process;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ${retirementSla.*}}: the SLA durations the models' boundary timers use, as ISO-8601 durations, read from
 * configuration ({@code itad.retirement.sla.*}) when each timer starts, so a changed SLA applies to the steps that
 * start after the change.
 */
@Component("retirementSla")
public class RetirementSla {

    private final Duration approval;
    private final Duration pickup;
    private final Duration receipt;
    private final Duration vendorProcessing;

    RetirementSla(@Value("${itad.retirement.sla.approval:P3D}") Duration approval,
            @Value("${itad.retirement.sla.pickup:P5D}") Duration pickup,
            @Value("${itad.retirement.sla.receipt:P2D}") Duration receipt,
            @Value("${itad.retirement.sla.vendor-processing:P30D}") Duration vendorProcessing) {
        this.approval = positive(approval, "approval");
        this.pickup = positive(pickup, "pickup");
        this.receipt = positive(receipt, "receipt");
        this.vendorProcessing = positive(vendorProcessing, "vendor-processing");
    }

    /** How long an approval may wait before it is escalated. */
    public String getApproval() {
        return approval.toString();
    }

    /** How long a signed-off lot may wait for the vendor's pickup. */
    public String getPickup() {
        return pickup.toString();
    }

    /** How long the vendor may take to reconcile the receipt after the pickup. */
    public String getReceipt() {
        return receipt.toString();
    }

    /** How long the vendor may take to grade and dispose of a received asset. */
    public String getVendorProcessing() {
        return vendorProcessing.toString();
    }

    private static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException("itad.retirement.sla." + name + " must be a positive duration, not "
                    + value);
        }
        return value;
    }
}
