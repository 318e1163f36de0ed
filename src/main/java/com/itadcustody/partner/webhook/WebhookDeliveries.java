package com.itadcustody.partner.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of each authenticated webhook delivery in {@code webhook_delivery}. */
@Component
class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The delivery that applied this vendor's key, if one did. */
    Optional<Applied> applied(UUID vendorId, String key) {
        return jdbc.sql("""
                select id, body_sha256, http_status, response from webhook_delivery
                where vendor_id = :vendor and idempotency_key = :key and outcome = 'APPLIED'""")
                .param("vendor", vendorId).param("key", key)
                .query((rs, n) -> new Applied(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4)))
                .optional();
    }

    /** Records a delivery (in the caller's transaction; for APPLIED, fails on a second delivery of the key). */
    void record(UUID id, UUID vendorId, String key, String eventType, Instant receivedAt, String bodySha256,
            String outcome, int status, String response) {
        jdbc.sql("""
                insert into webhook_delivery (id, vendor_id, idempotency_key, event_type, received_at, body_sha256,
                    outcome, http_status, response)
                values (:id, :vendor, :key, :event, :at, :sha, :outcome, :status, :response)""")
                .param("id", id).param("vendor", vendorId).param("key", key).param("event", eventType)
                .param("at", Timestamp.from(receivedAt)).param("sha", bodySha256).param("outcome", outcome)
                .param("status", status).param("response", response).update();
    }

    /** Sets the answer of a delivery recorded before it was applied. */
    void answer(UUID id, String response) {
        jdbc.sql("update webhook_delivery set response = :response where id = :id").param("id", id)
                .param("response", response).update();
    }

    /** A delivery that applied its event, with the answer it got. */
    record Applied(UUID id, String bodySha256, int status, String response) {
    }
}
