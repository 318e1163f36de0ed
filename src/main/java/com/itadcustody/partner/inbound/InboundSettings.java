package com.itadcustody.partner.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of inbound erasure reports ({@code itad.partner.inbound.*}).
 *
 * @param maxFileSize the largest report accepted, by upload or file drop; larger files are refused before they are
 *     read (uploads are also capped by {@code spring.servlet.multipart.max-file-size})
 * @param applyThreads how many threads apply reports' records (1 to 16), shared by the upload endpoint and the
 *     file drop: records of different retirements are applied side by side, those of one retirement in file order
 * @param batchSize how many records one transaction applies (1 to 1,000); a batch in which a record fails while
 *     being recorded is rolled back and its records applied one by one
 */
@ConfigurationProperties("itad.partner.inbound")
record InboundSettings(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("2") int applyThreads,
        @DefaultValue("50") int batchSize) {

    InboundSettings {
        if (applyThreads < 1 || applyThreads > 16) {
            throw new IllegalArgumentException("itad.partner.inbound.apply-threads must be between 1 and 16");
        }
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("itad.partner.inbound.batch-size must be between 1 and 1000");
        }
    }
}
