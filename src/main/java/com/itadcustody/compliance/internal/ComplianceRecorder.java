package com.itadcustody.compliance.internal;

import com.itadcustody.certificate.CertificateVerified;
import com.itadcustody.retirement.ReceiptDiscrepancyFound;
import com.itadcustody.retirement.SlaBreached;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import java.sql.Timestamp;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what the compliance pages report on and the other modules do not store with a time: every certificate
 * verification (with the signed-in user, if any), every SLA breach and every receipt discrepancy. It runs in the
 * publishing thread, so a breach or discrepancy is kept exactly when its workflow step commits.
 */
@Component
class ComplianceRecorder {

    private static final Logger log = LoggerFactory.getLogger(ComplianceRecorder.class);

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    ComplianceRecorder(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** Records a verification; a failure to record is logged and never fails the verification itself. */
    @EventListener
    void on(CertificateVerified event) {
        Actor actor = currentActor.get();
        try {
            jdbc.sql("""
                    insert into compliance_verification (id, checked_at, channel, submitted_number, file_sha256,
                        result, certificate_number, user_id, username)
                    values (:id, :at, :channel, :submitted, :sha, :result, :number, :user, :username)""")
                    .param("id", UUID.randomUUID())
                    .param("at", Timestamp.from(event.at()))
                    .param("channel", event.channel().name())
                    .param("submitted", event.fileSha256() == null && event.submittedNumber() == null ? ""
                            : event.submittedNumber())
                    .param("sha", event.fileSha256())
                    .param("result", event.verdict() == null ? "MALFORMED_NUMBER" : event.verdict().name())
                    .param("number", event.certificateNumber())
                    .param("user", actor.userId())
                    .param("username", actor.userId() == null ? null : actor.username())
                    .update();
        } catch (RuntimeException e) {
            log.error("could not record a certificate verification in the history of checks", e);
        }
    }

    /** Records an SLA breach in the escalating step's transaction. */
    @EventListener
    void on(SlaBreached event) {
        jdbc.sql("""
                insert into compliance_sla_breach (id, breached_at, retirement_id, lot_id, step, sla, assets)
                values (:id, :at, :retirement, :lot, :step, :sla, :assets)""")
                .param("id", UUID.randomUUID())
                .param("at", Timestamp.from(event.at()))
                .param("retirement", event.retirementId())
                .param("lot", event.lotId())
                .param("step", event.step())
                .param("sla", event.sla())
                .param("assets", event.assetIds().size())
                .update();
    }

    /** Records each serial of a receipt discrepancy in the receipt's transaction; once per lot, kind and serial. */
    @EventListener
    void on(ReceiptDiscrepancyFound event) {
        for (String serial : event.missingSerials()) {
            discrepancy(event, "MISSING", serial);
        }
        for (String serial : event.unexpectedSerials()) {
            discrepancy(event, "UNEXPECTED", serial);
        }
    }

    private void discrepancy(ReceiptDiscrepancyFound event, String kind, String serial) {
        jdbc.sql("""
                insert into compliance_receipt_discrepancy (lot_id, kind, serial, vendor_id, found_at)
                values (:lot, :kind, :serial, :vendor, :at) on conflict do nothing""")
                .param("lot", event.lotId()).param("kind", kind).param("serial", serial)
                .param("vendor", event.vendorId()).param("at", Timestamp.from(event.at()))
                .update();
    }
}
