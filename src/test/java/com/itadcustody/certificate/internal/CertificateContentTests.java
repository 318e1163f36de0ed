package com.itadcustody.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.asset.MediaType;
import org.junit.jupiter.api.Test;

class CertificateContentTests {

    @Test
    void constantsPrintAsWords() {
        assertThat(CertificateContent.label("CRYPTO_ERASE")).isEqualTo("Crypto erase");
        assertThat(CertificateContent.label("DESTROY")).isEqualTo("Destroy");
    }

    @Test
    void everyMediaTypeHasAPrintedName() {
        for (MediaType type : MediaType.values()) {
            assertThat(CertificateContent.mediaLabel(type)).as(type.name()).isNotBlank().doesNotContain("_");
        }
        assertThat(CertificateContent.mediaLabel(MediaType.NVME)).isEqualTo("NVMe solid-state drive");
    }
}
