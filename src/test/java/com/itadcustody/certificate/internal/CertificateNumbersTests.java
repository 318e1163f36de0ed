package com.itadcustody.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.certificate.CertificateType;
import org.junit.jupiter.api.Test;

class CertificateNumbersTests {

    @Test
    void numbersCarryTypeYearRunningNumberAndALuhnCheckDigit() {
        String number = CertificateNumbers.format(CertificateType.SANITIZATION, 2026, 123);

        assertThat(number).matches("COS-2026-000123-\\d");
        assertThat(CertificateNumbers.parse(number)).contains(number);
        assertThat(CertificateNumbers.format(CertificateType.DISPOSITION, 2026, 1)).startsWith("COD-2026-000001-");
    }

    @Test
    void theCheckDigitFollowsTheLuhnAlgorithm() {
        // the classic example: 7992739871 has check digit 3
        assertThat(CertificateNumbers.checkDigit("7992739871")).isEqualTo(3);
        assertThat(CertificateNumbers.checkDigit("0")).isZero();
    }

    @Test
    void aMistypedDigitOrTwoSwappedNeighboursAreCaught() {
        String number = CertificateNumbers.format(CertificateType.SANITIZATION, 2026, 4567);
        char[] digits = number.toCharArray();

        for (int i = 0; i < digits.length; i++) {
            if (!Character.isDigit(digits[i])) {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d == number.charAt(i)) {
                    continue;
                }
                char[] typo = number.toCharArray();
                typo[i] = d;
                assertThat(CertificateNumbers.parse(new String(typo))).as("typo at %d: %s", i, new String(typo))
                        .isEmpty();
            }
        }
        String swapped = "COS-2026-004576-" + number.charAt(number.length() - 1);
        assertThat(CertificateNumbers.parse(swapped)).isEmpty();
        assertThat(CertificateNumbers.looksLikeNumber(swapped)).isTrue();
    }

    @Test
    void parsingIgnoresCaseAndSurroundingBlanksAndRefusesOtherShapes() {
        String number = CertificateNumbers.format(CertificateType.DISPOSITION, 2027, 42);

        assertThat(CertificateNumbers.parse("  " + number.toLowerCase() + "\n")).contains(number);
        assertThat(CertificateNumbers.parse(null)).isEmpty();
        assertThat(CertificateNumbers.parse("")).isEmpty();
        assertThat(CertificateNumbers.parse("XYZ-2026-000123-4")).isEmpty();
        assertThat(CertificateNumbers.parse("COS-26-000123-4")).isEmpty();
        assertThat(CertificateNumbers.looksLikeNumber("COS-2026-12-4")).isFalse();
    }
}
