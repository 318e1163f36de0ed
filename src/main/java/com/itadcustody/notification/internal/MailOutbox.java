package com.itadcustody.notification.internal;

import com.itadcustody.notification.OutboundMail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table: mail written by the events' transactions, sent and retried by the poller. */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A mail to send, with its content. */
    record Pending(UUID id, String recipient, String subject, String bodyText, String bodyHtml, int attempts) {
    }

    /** Keeps a mail for sending; false when this event already gave this recipient a mail. */
    boolean keep(MailComposer.Composed mail, String eventKey, String recipient, Instant at) {
        return jdbc.sql("""
                insert into mail_outbox (id, kind, event_key, recipient, subject, body_text, body_html, link,
                                         next_attempt_at, created_at)
                values (:id, :kind, :eventKey, :recipient, :subject, :text, :html, :link, :at, :at)
                on conflict (event_key, recipient) do nothing""")
                .param("id", UUID.randomUUID()).param("kind", mail.kind()).param("eventKey", eventKey)
                .param("recipient", recipient).param("subject", mail.subject()).param("text", mail.text())
                .param("html", mail.html()).param("link", mail.link()).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Pending mail due by now, oldest first, locked for this transaction (rows another node holds are skipped). */
    List<Pending> lockDue(Instant now, int max) {
        return jdbc.sql("""
                select id, recipient, subject, body_text, body_html, attempts from mail_outbox
                 where status = 'PENDING' and next_attempt_at <= :now
                 order by next_attempt_at limit :max for update skip locked""")
                .param("now", Timestamp.from(now)).param("max", max)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                        rs.getInt("attempts")))
                .list();
    }

    /** Records that the SMTP server accepted the mail. */
    void sent(UUID id, Instant at) {
        jdbc.sql("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = null"
                        + " where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Records a failed attempt: tried again at {@code next}, or FAILED for good when {@code next} is null. */
    void failed(UUID id, String error, Instant next) {
        jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = :error,"
                        + " status = case when cast(:next as timestamptz) is null then 'FAILED' else 'PENDING' end,"
                        + " next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at) where id = :id")
                .param("id", id).param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("next", next == null ? null : Timestamp.from(next)).update();
    }

    /** The newest mails, optionally only with this status. */
    List<OutboundMail> list(String status, int max) {
        return jdbc.sql("select * from mail_outbox where (cast(:status as text) is null or status = :status)"
                        + " order by created_at desc, id limit :max")
                .param("status", status).param("max", max).query(MailOutbox::row).list();
    }

    /** Every mail written for this event, by recipient. */
    List<OutboundMail> ofEvent(String eventKey) {
        return jdbc.sql("select * from mail_outbox where event_key = :key order by recipient")
                .param("key", eventKey).query(MailOutbox::row).list();
    }

    private static OutboundMail row(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboundMail(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("event_key"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("link"), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
