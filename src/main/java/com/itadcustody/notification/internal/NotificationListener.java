package com.itadcustody.notification.internal;

import com.itadcustody.retirement.LotReadyForPickup;
import com.itadcustody.retirement.ReceiptDiscrepancyFound;
import com.itadcustody.retirement.SanitizationFailed;
import com.itadcustody.retirement.SlaBreached;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the retirement module's events into mail in the outbox. It runs in the publishing step's own transaction
 * (ADR 15): the mail is kept exactly when the step commits, and nothing here talks to the SMTP server. The same event
 * delivered twice writes nothing the second time (one row per event key and recipient).
 */
@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    /** What the overdue steps are called in mail. */
    private static final Map<String, String> STEPS = Map.of(
            "Task_ApproveRetirement", "the approval of the retirement",
            "Task_ConfirmPickup", "the vendor's pickup of the lot",
            "Task_ReconcileReceipt", "the vendor's receipt of the lot",
            "Task_ProcessAsset", "the vendor's grading and disposition of the asset");

    private final MailComposer composer;
    private final MailOutbox outbox;
    private final Recipients recipients;
    private final Vendors vendors;

    NotificationListener(MailComposer composer, MailOutbox outbox, Recipients recipients, Vendors vendors) {
        this.composer = composer;
        this.outbox = outbox;
        this.recipients = recipients;
        this.vendors = vendors;
    }

    /** Tells the vendor that a lot waits for its pickup; the link goes to the lot's page in the partner portal. */
    @EventListener
    void on(LotReadyForPickup event) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("lotId", event.lotId());
        vars.put("vendorName", vendorName(event.vendorId()));
        vars.put("assets", event.assets());
        vars.put("carrier", event.carrier());
        vars.put("trackingNumber", event.trackingNumber());
        vars.put("pickupContact", event.pickupContact());
        vars.put("manifestSha256", event.manifestSha256());
        keep("LOT_READY_FOR_PICKUP", "lot-ready-for-pickup", "/portal/lots/" + event.lotId(),
                "LOT_READY_FOR_PICKUP:" + event.lotId(), vars, recipients.ofVendor(event.vendorId()), event.at());
    }

    /** Tells IT staff that a receipt left serials missing or unexpected; the link goes to the lot. */
    @EventListener
    void on(ReceiptDiscrepancyFound event) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("lotId", event.lotId());
        vars.put("vendorName", vendorName(event.vendorId()));
        vars.put("missing", event.missingSerials());
        vars.put("unexpected", event.unexpectedSerials());
        keep("RECEIPT_DISCREPANCY", "receipt-discrepancy", "/api/v1/lots/" + event.lotId(),
                "RECEIPT_DISCREPANCY:" + event.lotId(), vars, recipients.withRole(Role.IT_STAFF), event.at());
    }

    /** Tells IT staff that a medium's sanitization or its verification failed; the link goes to the retirement. */
    @EventListener
    void on(SanitizationFailed event) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("retirementId", event.retirementId());
        vars.put("assetId", event.assetId());
        vars.put("mediumId", event.mediumId());
        vars.put("mediumSerial", event.mediumSerial());
        vars.put("attempt", event.attempt());
        vars.put("verification", event.stage() == SanitizationFailed.Stage.VERIFICATION);
        vars.put("vendorName", event.sanitizationVendorId() == null ? null : vendorName(event.sanitizationVendorId()));
        keep("SANITIZATION_FAILED", "sanitization-failed", "/api/v1/retirements/" + event.retirementId(),
                "SANITIZATION_FAILED:" + event.retirementId() + ":" + event.mediumId() + ":" + event.attempt() + ":"
                        + event.stage(),
                vars, recipients.withRole(Role.IT_STAFF), event.at());
    }

    /** Tells the asset managers that a step missed its SLA; the link goes to the lot or the retirement. */
    @EventListener
    void on(SlaBreached event) {
        boolean lot = event.lotId() != null;
        UUID id = lot ? event.lotId() : event.retirementId();
        Map<String, Object> vars = new HashMap<>();
        vars.put("lot", lot);
        vars.put("id", id);
        vars.put("step", event.step());
        vars.put("stepName", STEPS.getOrDefault(event.step(), event.step()));
        vars.put("sla", event.sla());
        vars.put("assets", event.assetIds().size());
        keep("SLA_BREACHED", "sla-breached", (lot ? "/api/v1/lots/" : "/api/v1/retirements/") + id,
                "SLA_BREACHED:" + id + ":" + event.step() + ":" + event.at().toEpochMilli(), vars,
                recipients.withRole(Role.ASSET_MANAGER), event.at());
    }

    private void keep(String kind, String template, String path, String eventKey, Map<String, Object> vars,
            List<String> to, Instant at) {
        if (to.isEmpty()) {
            log.warn("No one to tell about {}: no recipient has an e-mail address", eventKey);
            return;
        }
        MailComposer.Composed mail;
        try {
            mail = composer.compose(kind, template, path, vars);
        } catch (RuntimeException | LinkageError e) {
            // A broken template must not fail the workflow step that published the event.
            log.error("Mail {} could not be rendered; it is not sent", eventKey, e);
            return;
        }
        int kept = 0;
        for (String recipient : to) {
            kept += outbox.keep(mail, eventKey, recipient, at) ? 1 : 0;
        }
        log.debug("{}: {} mail(s) kept for {} recipient(s)", eventKey, kept, to.size());
    }

    private String vendorName(UUID vendorId) {
        return vendors.find(vendorId).map(Vendor::name).orElse("vendor " + vendorId);
    }
}
