package com.itadcustody.partner.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of inbound erasure reports ({@code itad.partner.inbound.*}).
 *
 * @param maxFileSize the largest report accepted, by upload or file drop; larger files are refused before they are
 *     read (uploads are also capped by {@code spring.servlet.multipart.max-file-size})
 */
@ConfigurationProperties("itad.partner.inbound")
record InboundSettings(@DefaultValue("50MB") DataSize maxFileSize) {
}
