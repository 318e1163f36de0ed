package com.itadcustody.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.shared.DomainRuleViolated;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A certification's status on a day, at the edges of its period and of the 30-day warning. */
class CertificationStatusTests {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);
    static final VendorCertification R2 = new VendorCertification(UUID.randomUUID(), UUID.randomUUID(), "R2V3",
            "R2-1", "SERI", FROM, UNTIL);

    @Test
    void isNotYetValidTheDayBeforeItStartsAndValidOnItsFirstDay() {
        assertThat(R2.statusOn(FROM.minusDays(1), 30)).isEqualTo(CertificationStatus.NOT_YET_VALID);
        assertThat(R2.statusOn(FROM, 30)).isEqualTo(CertificationStatus.VALID);
    }

    @Test
    void isExpiringFromThirtyDaysBeforeItsLastDayOnAndValidTheDayBefore() {
        assertThat(R2.statusOn(UNTIL.minusDays(31), 30)).isEqualTo(CertificationStatus.VALID);
        assertThat(R2.statusOn(UNTIL.minusDays(30), 30)).isEqualTo(CertificationStatus.EXPIRING);
        assertThat(R2.daysLeft(UNTIL.minusDays(30))).isEqualTo(30);
        assertThat(R2.statusOn(UNTIL, 30)).isEqualTo(CertificationStatus.EXPIRING);
    }

    @Test
    void isExpiredTheDayAfterItsLastDay() {
        assertThat(R2.statusOn(UNTIL.plusDays(1), 30)).isEqualTo(CertificationStatus.EXPIRED);
        assertThat(R2.statusOn(UNTIL.plusDays(1), 30).inForce()).isFalse();
        assertThat(R2.statusOn(UNTIL, 30).inForce()).isTrue();
    }

    @Test
    void followsAConfiguredWarningPeriod() {
        assertThat(R2.statusOn(UNTIL.minusDays(8), 7)).isEqualTo(CertificationStatus.VALID);
        assertThat(R2.statusOn(UNTIL.minusDays(7), 7)).isEqualTo(CertificationStatus.EXPIRING);
    }

    @Test
    void readsSchemesByCodeOrWrittenName() {
        assertThat(CertificationScheme.parse("R2v3")).isEqualTo(CertificationScheme.R2V3);
        assertThat(CertificationScheme.parse("e-Stewards")).isEqualTo(CertificationScheme.E_STEWARDS);
        assertThat(CertificationScheme.parse("NAID AAA")).isEqualTo(CertificationScheme.NAID_AAA);
        assertThat(CertificationScheme.parse("iso_27001")).isEqualTo(CertificationScheme.ISO_27001);
        assertThatThrownBy(() -> CertificationScheme.parse("ISO 9001")).isInstanceOfSatisfying(
                DomainRuleViolated.class, e -> {
                    assertThat(e.rule()).isEqualTo("certification-scheme-known");
                    assertThat(e.field()).isEqualTo("scheme");
                });
    }
}
