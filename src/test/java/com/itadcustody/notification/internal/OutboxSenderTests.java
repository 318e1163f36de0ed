package com.itadcustody.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.notification.MailIntegrationTest;
import com.itadcustody.notification.OutboundMail;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox sender's retry rules with a mail server that always refuses: a failed attempt is retried after the
 * backoff, the last allowed one marks the mail FAILED with the server's error, and administrators see it listed.
 */
class OutboxSenderTests extends MailIntegrationTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender contextSender;

    @Autowired
    MailComposer composer;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ObjectProvider<JavaMailSender> mailSender;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void stopTheContextsSender() {
        contextSender.stop();
    }

    @AfterEach
    void startTheContextsSender() {
        contextSender.start();
    }

    @Test
    void aMailTheServerKeepsRefusingIsRetriedAfterTheBackoffAndMarkedFailedAfterTheLastAttempt() {
        DirectChannel refusing = new DirectChannel();
        refusing.subscribe(message -> {
            throw new MailSendException("550 mailbox unavailable");
        });
        NotificationSettings twoAttempts = new NotificationSettings("itad@example.test", Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofMinutes(10), 2, 10);
        OutboxSender sender = new OutboxSender(outbox, twoAttempts, transactionManager, mailSender, refusing,
                "smtp.example.test");
        String key = "SLA_BREACHED:" + UUID.randomUUID() + ":Task_ConfirmPickup:1";
        assertThat(outbox.keep(mail(), key, "refused@example.test", Instant.now())).isTrue();
        assertThat(outbox.keep(mail(), key, "refused@example.test", Instant.now())).as("same event again").isFalse();

        assertThat(sender.sendDue()).isZero();
        OutboundMail first = outbox.ofEvent(key).get(0);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("550 mailbox unavailable");
        assertThat(first.nextAttemptAt()).isAfter(Instant.now().plusSeconds(50));
        assertThat(sender.sendDue()).as("not due before the backoff").isZero();
        assertThat(outbox.ofEvent(key).get(0).attempts()).isEqualTo(1);

        dueNow(key);
        sender.sendDue();
        OutboundMail failed = outbox.ofEvent(key).get(0);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.sentAt()).isNull();
        dueNow(key);
        sender.sendDue();
        assertThat(outbox.ofEvent(key).get(0).attempts()).as("never tried again").isEqualTo(2);

        ApiClient admin = person(Role.ADMIN, null).api();
        JsonNode listed = admin.get("/api/v1/notifications?status=FAILED").json();
        assertThat(listed.findValuesAsText("eventKey")).contains(key);
        assertThat(person(Role.IT_STAFF, null).api().get("/api/v1/notifications").status()).isEqualTo(403);
        Response bogus = admin.get("/api/v1/notifications?status=LOST");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("rule").asText()).isEqualTo("status-known");
        assertThat(admin.get("/api/v1/notifications?limit=0").status()).isEqualTo(400);
    }

    @Test
    void everyTemplateRendersItsSubjectTextAndHtmlWithTheLink() {
        Map<String, Map<String, Object>> kinds = Map.of(
                "lot-ready-for-pickup", Map.of("lotId", "L-1", "vendorName", "GreenCycle", "assets", 3, "carrier",
                        "UPS", "pickupContact", "Dock 1", "manifestSha256", "abc"),
                "receipt-discrepancy", Map.of("lotId", "L-1", "vendorName", "GreenCycle", "missing", java.util.List.of(
                        "S-1"), "unexpected", java.util.List.of()),
                "sanitization-failed", Map.of("retirementId", "R-1", "assetId", "A-1", "mediumId", "M-1",
                        "mediumSerial", "S-9", "attempt", 2, "verification", false),
                "sla-breached", Map.of("lot", true, "id", "L-1", "step", "Task_ConfirmPickup", "stepName",
                        "the pickup", "sla", "P5D", "assets", 1));
        kinds.forEach((name, vars) -> {
            MailComposer.Composed mail = composer.compose("KIND", name, "/somewhere/1", vars);
            assertThat(mail.link()).isEqualTo(PUBLIC_URL + "/somewhere/1");
            assertThat(mail.subject()).as(name).isNotBlank().doesNotContain("\n", "[(", "${");
            assertThat(mail.text()).as(name).contains(mail.link()).doesNotContain("[(", "${", "[/]");
            assertThat(mail.html()).as(name).contains("href=\"" + mail.link() + "\"").doesNotContain("th:");
        });
        assertThat(composer.compose("KIND", "receipt-discrepancy", "/x", kinds.get("receipt-discrepancy")).text())
                .contains("  - S-1").doesNotContain("Unexpected");
    }

    private MailComposer.Composed mail() {
        return new MailComposer.Composed("SLA_BREACHED", "Subject", "Body", "<p>Body</p>", PUBLIC_URL + "/x");
    }

    private void dueNow(String key) {
        jdbc.sql("update mail_outbox set next_attempt_at = now() - interval '1 second' where event_key = :key")
                .param("key", key).update();
    }
}
