package com.itadcustody.partner.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the inbound vendor webhooks.
 *
 * @param tolerance how far a delivery's timestamp may be from the server's clock, either way
 *     ({@code ITAD_WEBHOOK_TOLERANCE}, default 5 minutes)
 * @param maxBodySize the largest body accepted ({@code ITAD_WEBHOOK_MAX_BODY_SIZE}, default 256KB)
 */
@ConfigurationProperties("itad.webhooks")
record WebhookSettings(
        @DefaultValue("PT5M") Duration tolerance,
        @DefaultValue("256KB") DataSize maxBodySize) {
}
