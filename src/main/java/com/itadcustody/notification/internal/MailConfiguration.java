package com.itadcustody.notification.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mail.dsl.Mail;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.messaging.MessageChannel;

/**
 * The outbound mail flow: a direct channel into Spring Integration's mail outbound adapter on Boot's
 * {@link JavaMailSender} ({@code spring.mail.*}). Without an SMTP host there is no flow and nothing is sent.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** The channel the outbox poller sends each mail (a MimeMessage payload) to. */
    static final String CHANNEL = "notificationMailChannel";

    @Bean(CHANNEL)
    MessageChannel notificationMailChannel() {
        return new DirectChannel();
    }

    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
    IntegrationFlow notificationMailFlow(@Qualifier(CHANNEL) MessageChannel channel, JavaMailSender sender) {
        return IntegrationFlow.from(channel).handle(Mail.outboundAdapter(sender)).get();
    }
}
