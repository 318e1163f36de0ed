package com.itadcustody.retirement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Evidence files' media types are told from their bytes, whatever their name says. */
class EvidenceTypesTests {

    @Test
    void tellsDocumentsImagesAndVideoByTheirMagicBytes() {
        assertThat(EvidenceTypes.sniff(ascii("%PDF-1.7\n..."))).hasValue(EvidenceTypes.PDF);
        assertThat(EvidenceTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .hasValue(EvidenceTypes.PNG);
        assertThat(EvidenceTypes.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
                .hasValue(EvidenceTypes.JPEG);
        assertThat(EvidenceTypes.sniff(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}))
                .hasValue(EvidenceTypes.MP4);
    }

    @Test
    void tellsErasureReportTextsByTheirFirstCharacters() {
        assertThat(EvidenceTypes.sniff(utf8("\uFEFF<?xml version=\"1.0\"?><report/>"))).hasValue(EvidenceTypes.XML);
        assertThat(EvidenceTypes.sniff(utf8("  {\"records\": []}"))).hasValue(EvidenceTypes.JSON);
        assertThat(EvidenceTypes.sniff(utf8("serial;method;result\nS1;PURGE;PASSED\n"))).hasValue(EvidenceTypes.CSV);
        assertThat(EvidenceTypes.sniff(utf8("Erasure of S1 finished: passed.\n"))).hasValue(EvidenceTypes.TEXT);
    }

    @Test
    void knowsNoBinaryOrBadlyEncodedFile() {
        assertThat(EvidenceTypes.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3})).isEmpty();
        assertThat(EvidenceTypes.sniff("Gr\u00fc\u00dfe, S1".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(EvidenceTypes.sniff(utf8("text with a \u0000 byte"))).isEmpty();
        assertThat(EvidenceTypes.sniff(utf8("   \n"))).isEqualTo(Optional.empty());
        assertThat(EvidenceTypes.sniff(new byte[0])).isEmpty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
