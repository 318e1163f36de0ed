package com.itadcustody.partner.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.shared.InputRejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documented samples parse as documented; the tool layout's words map to NIST terms. */
class ErasureReportParserTests {

    @Test
    void everyDocumentedSampleParses() throws IOException {
        assertThat(parse("erasure-generic.csv").format()).isEqualTo(ErasureReportFormat.GENERIC_CSV);
        assertThat(parse("erasure-generic.csv").records()).hasSize(3);
        assertThat(parse("erasure-generic.json").records()).hasSize(2);
        assertThat(parse("erasure-generic.xml").records()).hasSize(1);
        ErasureReportParser.Parsed tool = parse("erasure-tool-report.xml");
        assertThat(tool.format()).isEqualTo(ErasureReportFormat.TOOL_XML);
        assertThat(tool.records()).extracting(r -> r.mediumSerial() + ":" + r.methodType() + ":" + r.technique()
                + ":" + r.passed() + ":" + r.tool() + " " + r.toolVersion() + ":" + r.assetSerial())
                .containsExactly("S4EWNX0R123456:PURGE:CRYPTO_ERASE:true:DiskWipe Enterprise 7.4.2:PF3ABC12",
                        "S3Z9NB0K654321:CLEAR:OVERWRITE:false:DiskWipe Enterprise 7.4.2:PF3ABC12");
    }

    @Test
    void aToolStandardNamingNoNistMethodIsARecordProblemNotARefusedFile() throws IOException {
        String xml = Files.readString(sample("erasure-tool-report.xml"))
                .replace("NIST SP 800-88 Rev. 1 Purge", "DoD 5220.22-M");
        var records = ErasureReportParser.parse(xml.getBytes(StandardCharsets.UTF_8)).records();
        assertThat(records.get(0).methodType()).isNull();
        assertThat(records.get(0).problem()).contains("DoD 5220.22-M", "names no NIST SP 800-88 method");
        assertThat(records.get(1).problem()).isNull();
    }

    @Test
    void techniquesAndMethodTypesAreCaseAndSeparatorInsensitive() {
        String csv = "MEDIUMSERIAL,methodtype,technique,operator,result,startedAt,finishedAt,verificationMethod\n"
                + "A1,purge,crypto erase,Jo,PASSED,2026-11-30T09:00:00Z,2026-11-30T09:01:00Z,quick-sampling\n";
        ErasureRecord record = ErasureReportParser.parse(csv.getBytes(StandardCharsets.UTF_8)).records().get(0);
        assertThat(record.methodType()).isEqualTo(SanitizationMethodType.PURGE);
        assertThat(record.technique()).isEqualTo(SanitizationTechnique.CRYPTO_ERASE);
        assertThat(record.passed()).isTrue();
    }

    @Test
    void everyBadFieldIsListedWithItsRecord() {
        String csv = "mediumSerial,methodType,technique,operator,result,startedAt,finishedAt,verificationMethod\n"
                + ",WIPE,crypto erase,Jo,ok,yesterday,2026-11-30T09:01:00Z,FULL\n";
        InputRejected refused = catchThrowableOfType(InputRejected.class,
                () -> ErasureReportParser.parse(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.type()).isEqualTo("report-invalid");
        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.field() + ":" + p.rule())
                .containsExactlyInAnyOrder("2:mediumSerial:required", "2:methodType:invalid-value",
                        "2:result:invalid-value", "2:startedAt:invalid-value");
    }

    private static ErasureReportParser.Parsed parse(String name) throws IOException {
        return ErasureReportParser.parse(Files.readAllBytes(sample(name)));
    }

    private static Path sample(String name) {
        return Path.of("docs/samples", name);
    }
}
