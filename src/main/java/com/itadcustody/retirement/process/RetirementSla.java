package com.itadcustody.retirement.process;

import com.itadcustody.retirement.SlaSettings;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${retirementSla.*}}: the SLA durations the models' boundary timers use, as ISO-8601 durations, and the due
 * dates of the steps they watch, read from {@link SlaSettings} (configuration {@code itad.retirement.sla.*}, or an
 * administrator's value set at runtime) when each step starts, so a changed SLA applies to the steps that start
 * after the change and a waiting step keeps the due date its timer has.
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

    /** When an approval starting now is due (the approval task's due date). */
    public Date getApprovalDue() {
        return dueFromNow(SlaSettings.Step.APPROVAL);
    }

    /** When a pickup starting now is due. */
    public Date getPickupDue() {
        return dueFromNow(SlaSettings.Step.PICKUP);
    }

    /** When a receipt reconciliation starting now is due. */
    public Date getReceiptDue() {
        return dueFromNow(SlaSettings.Step.RECEIPT);
    }

    /** When a vendor's grading and disposition starting now is due. */
    public Date getVendorProcessingDue() {
        return dueFromNow(SlaSettings.Step.VENDOR_PROCESSING);
    }

    /** The engine's clock (which the timers use, and tests move) plus the step's SLA. */
    private Date dueFromNow(SlaSettings.Step step) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.current(step)));
    }
}
