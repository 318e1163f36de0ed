package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.Users;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import com.itadcustody.vendor.Vendors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The structured disposition details of the vendor's processing: what each disposition must record (refused with
 * 422 naming the field, nothing recorded), what the disposition's custody event carries, and what the certificate
 * of disposition prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorDispositionDetailsTests extends IntegrationTest {

    static final Instant DONE = Instant.now().minusSeconds(3600);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Retirements retirements;

    @Autowired
    Lots lots;

    @Autowired
    EvidenceFiles evidenceFiles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    PortalFixture fixture;
    UUID vendorId;
    Actor vendor;
    List<UUID> waiting;

    @BeforeAll
    void aLotWaitingForGrading() {
        fixture = PortalFixture.from(context);
        vendorId = fixture.certifiedVendor("Disposition details vendor");
        vendor = fixture.vendorActor(vendorId);
        UUID lot = fixture.lotReceived(vendorId, 5);
        waiting = lots.get(lot, fixture.staff).items().stream().map(LotView.Item::retirementId).toList();
    }

    static Stream<Arguments> incompleteDispositions() {
        return Stream.of(
                Arguments.of(DispositionMethod.RESALE, null, null, "details-required", "dispositionDetails.salePrice"),
                Arguments.of(DispositionMethod.RESALE, DispositionDetails.resale(new BigDecimal("10"), null, "B-1"),
                        null, "details-required", "dispositionDetails.currency"),
                Arguments.of(DispositionMethod.RESALE, DispositionDetails.resale(BigDecimal.ONE, "XQZ", null), null,
                        "currency-known", "dispositionDetails.currency"),
                Arguments.of(DispositionMethod.RESALE, new DispositionDetails(BigDecimal.ONE, "EUR", null, "Charity",
                        null, null, null, null, null, null), null, "details-not-applicable",
                        "dispositionDetails.recipient"),
                Arguments.of(DispositionMethod.DONATION, DispositionDetails.donation("  "), null, "details-required",
                        "dispositionDetails.recipient"),
                Arguments.of(DispositionMethod.RECYCLING, DispositionDetails.recycling(null, "R2v3", BigDecimal.TEN),
                        null, "details-required", "dispositionDetails.downstreamRecycler"),
                Arguments.of(DispositionMethod.RECYCLING, DispositionDetails.recycling("MetalCo", "R2v3", null),
                        null, "details-required", "dispositionDetails.weightKg"),
                Arguments.of(DispositionMethod.DESTRUCTION, DispositionDetails.destruction("Shredding", "K. Lee",
                        null), null, "details-required", "particleSize"),
                Arguments.of(DispositionMethod.DESTRUCTION, DispositionDetails.destruction(null, "K. Lee", null),
                        "2 mm", "details-required", "dispositionDetails.destructionMethod"),
                Arguments.of(DispositionMethod.DESTRUCTION, DispositionDetails.destruction("Shredding", null, null),
                        "2 mm", "details-required", "dispositionDetails.witness"));
    }

    @ParameterizedTest(name = "{0} {1}: {3} {4}")
    @MethodSource("incompleteDispositions")
    void refusesADispositionWithoutItsRequiredDetailsNamingTheField(DispositionMethod method,
            DispositionDetails details, String particleSize, String rule, String field) {
        UUID id = waiting.get(0);

        assertThatThrownBy(() -> retirements.recordVendorProcessing(id, new VendorProcessing("B", true, method,
                null, particleSize, "Leipzig", DONE, details), vendor))
                .isInstanceOfSatisfying(DomainRuleViolated.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(422);
                    assertThat(refused.rule()).isEqualTo(rule);
                    assertThat(refused.field()).isEqualTo(field);
                });
        assertThat(retirements.get(id).openTask()).isEqualTo("Task_ProcessAsset");
        assertThat(disposedEvent(id)).isEmpty();
    }

    @Test
    void answersTheRestApiWith422NamingTheMissingFieldAnd400ForAnInvalidOne() {
        UUID id = waiting.get(0);
        ApiClient api = ApiClient.withToken(port, new TestUsers(context.getBean(Users.class),
                context.getBean(ApiTokens.class), context.getBean(Vendors.class)).tokenForVendor(vendorId));
        String path = "/api/v1/retirements/" + id + "/vendor-processing";

        ApiClient.Response missing = api.post(path, """
                {"grade": "D", "functional": false, "disposition": "RECYCLING", "place": "Leipzig",
                 "completedAt": "%s", "dispositionDetails": {"downstreamRecycler": "MetalCo"}}""".formatted(DONE));
        ApiClient.Response zeroWeight = api.post(path, """
                {"grade": "D", "functional": false, "disposition": "RECYCLING", "place": "Leipzig",
                 "completedAt": "%s", "dispositionDetails": {"downstreamRecycler": "MetalCo", "weightKg": 0}}"""
                .formatted(DONE));
        ApiClient.Response lowerCaseCurrency = api.post(path, """
                {"grade": "A", "functional": true, "disposition": "RESALE", "place": "Leipzig",
                 "completedAt": "%s", "dispositionDetails": {"salePrice": 5, "currency": "eur"}}""".formatted(DONE));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("rule").asText()).isEqualTo("details-required");
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("dispositionDetails.weightKg");
        assertThat(zeroWeight.status()).isEqualTo(400);
        assertThat(zeroWeight.text()).contains("dispositionDetails.weightKg");
        assertThat(lowerCaseCurrency.status()).isEqualTo(400);
        assertThat(lowerCaseCurrency.text()).contains("dispositionDetails.currency");
        assertThat(retirements.get(id).openTask()).isEqualTo("Task_ProcessAsset");
    }

    @Test
    void recordsARecyclingWithItsCertificateAsEvidenceAndPrintsRecyclerAndWeight() throws Exception {
        UUID id = waiting.get(1);
        byte[] pdf = "%PDF-1.4\n% recycling certificate of MetalCo\n".getBytes(StandardCharsets.US_ASCII);
        EvidenceFile certificate = evidenceFiles.store(id, null, EvidenceFile.Kind.RECYCLING_CERTIFICATE,
                "metalco.pdf", pdf, vendor);

        PortalFixture.when(() -> retirements.recordVendorProcessing(id, new VendorProcessing("D", false,
                DispositionMethod.RECYCLING, "Mixed metals", null, "Leipzig", DONE, DispositionDetails.recycling(
                        " MetalCo GmbH ", "R2v3 R2-4711", new BigDecimal("2.150"))), List.of(certificate.asEvidence()),
                vendor));

        JsonNode event = awaitDisposedEvent(id);
        assertThat(event.get("type").asText()).isEqualTo("ASSET_RECYCLED");
        assertThat(event.get("data").get("downstreamRecycler").asText()).isEqualTo("MetalCo GmbH");
        assertThat(event.get("data").get("recyclerCertification").asText()).isEqualTo("R2v3 R2-4711");
        assertThat(event.get("data").get("weightKg").asText()).isEqualTo("2.150");
        assertThat(event.get("evidence").get(0).get("sha256").asText()).isEqualTo(certificate.sha256())
                .isEqualTo(com.itadcustody.shared.Sha256.hex(pdf));
        assertThat(certificateData(id)).contains("Downstream recycler MetalCo GmbH (R2v3 R2-4711); weight 2.150 kg."
                + " Mixed metals");
    }

    @Test
    void recordsADestructionWithMethodAndWitnessAndPrintsThem() throws Exception {
        UUID id = waiting.get(2);

        PortalFixture.when(() -> retirements.recordVendorProcessing(id, new VendorProcessing("SCRAP", false,
                DispositionMethod.DESTRUCTION, null, "2 mm", "Leipzig", DONE, DispositionDetails.destruction(
                        "Shredding", "K. Lee", "VID-0042")), vendor));

        JsonNode event = awaitDisposedEvent(id);
        assertThat(event.get("type").asText()).isEqualTo("ASSET_DESTROYED");
        assertThat(event.get("data").get("destructionMethod").asText()).isEqualTo("Shredding");
        assertThat(event.get("data").get("witness").asText()).isEqualTo("K. Lee");
        assertThat(event.get("data").get("mediaReference").asText()).isEqualTo("VID-0042");
        assertThat(event.get("data").get("particleSize").asText()).isEqualTo("2 mm");
        assertThat(certificateData(id)).contains("Method Shredding; witnessed by K. Lee; photo/video VID-0042")
                .contains("2 mm");
    }

    @Test
    void recordsAResaleWithPriceCurrencyAndBuyerInTheCustodyEvent() throws Exception {
        UUID id = waiting.get(3);

        PortalFixture.when(() -> retirements.recordVendorProcessing(id, new VendorProcessing("A", true,
                DispositionMethod.RESALE, null, null, "Leipzig", DONE, DispositionDetails.resale(
                        new BigDecimal("310.00"), "EUR", "B-1042")), vendor));

        JsonNode data = awaitDisposedEvent(id).get("data");
        assertThat(data.get("salePrice").asText()).isEqualTo("310.00");
        assertThat(data.get("currency").asText()).isEqualTo("EUR");
        assertThat(data.get("buyerReference").asText()).isEqualTo("B-1042");
    }

    @Test
    void recordsADonationWithItsRecipientInTheCustodyEvent() throws Exception {
        UUID id = waiting.get(4);

        PortalFixture.when(() -> retirements.recordVendorProcessing(id, new VendorProcessing("B", true,
                DispositionMethod.DONATION, null, null, "Leipzig", DONE, DispositionDetails.donation(
                        "Leipzig public library")), vendor));

        JsonNode event = awaitDisposedEvent(id);
        assertThat(event.get("type").asText()).isEqualTo("ASSET_DONATED");
        assertThat(event.get("data").get("recipient").asText()).isEqualTo("Leipzig public library");
    }

    /** The disposition's custody event once it is in the log (envelope as JSON). */
    private JsonNode awaitDisposedEvent(UUID retirementId) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> disposedEvent(retirementId).isPresent());
        return json.readTree(disposedEvent(retirementId).orElseThrow());
    }

    private Optional<String> disposedEvent(UUID retirementId) {
        return jdbc.sql("""
                select convert_from(e.envelope, 'UTF8') from custody_entry e
                  join retirement_request r on r.disposed_event_id = e.event_id where r.id = :id""")
                .param("id", retirementId).query(String.class).optional();
    }

    /** The settled retirement's certificate of disposition, as its JSON record. */
    private String certificateData(UUID retirementId) {
        fixture.settle(retirementId);
        await().atMost(Duration.ofSeconds(90)).until(() -> fixture.certificateOf(retirementId, vendorId) != null);
        return jdbc.sql("select convert_from(data, 'UTF8') from certificate where number = :number")
                .param("number", fixture.certificateOf(retirementId, vendorId)).query(String.class).single();
    }

    @Test
    void keepsEvidenceFilesForTheVendorThatHandlesTheRetirementAndForStaffOnly() {
        UUID id = waiting.get(0);
        Actor other = fixture.vendorActor(fixture.certifiedVendor("Disposition details other vendor"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

        EvidenceFile photo = evidenceFiles.store(id, null, EvidenceFile.Kind.DESTRUCTION_MEDIA, "../../shred.png",
                png, vendor);

        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(photo.fileName()).doesNotContain("/");
        assertThat(evidenceFiles.list(id, vendor)).extracting(EvidenceFile::id).contains(photo.id());
        assertThat(evidenceFiles.list(id, fixture.staff)).extracting(EvidenceFile::id).contains(photo.id());
        assertThat(evidenceFiles.content(id, photo.id(), fixture.verifier).content()).isEqualTo(png);
        assertThatThrownBy(() -> evidenceFiles.list(id, other)).isInstanceOf(com.itadcustody.shared.NotFound.class);
        assertThatThrownBy(() -> evidenceFiles.content(id, photo.id(), other))
                .isInstanceOf(com.itadcustody.shared.NotFound.class);
        assertThatThrownBy(() -> evidenceFiles.content(waiting.get(1), photo.id(), vendor))
                .isInstanceOf(com.itadcustody.shared.NotFound.class);
        assertThatThrownBy(() -> evidenceFiles.store(id, null, EvidenceFile.Kind.RECYCLING_CERTIFICATE, "x.pdf",
                png, other)).isInstanceOf(com.itadcustody.shared.NotFound.class);
    }

    @Test
    void refusesAnEvidenceFileOfTheWrongTypeOrEmptyNamingTheFile() {
        UUID id = waiting.get(0);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] csv = "serial,method,result\nS1,PURGE,PASSED\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> evidenceFiles.store(id, null, EvidenceFile.Kind.RECYCLING_CERTIFICATE, "cert.pdf",
                exe, vendor)).isInstanceOfSatisfying(DomainRuleViolated.class, refused -> {
                    assertThat(refused.rule()).isEqualTo("evidence-type");
                    assertThat(refused.field()).isEqualTo("file");
                });
        assertThatThrownBy(() -> evidenceFiles.store(id, null, EvidenceFile.Kind.RECYCLING_CERTIFICATE, "r.csv",
                csv, vendor)).isInstanceOfSatisfying(DomainRuleViolated.class,
                        refused -> assertThat(refused.rule()).isEqualTo("evidence-type"));
        assertThatThrownBy(() -> evidenceFiles.store(id, null, EvidenceFile.Kind.SANITIZATION_REPORT, "r.csv",
                new byte[0], vendor)).isInstanceOfSatisfying(DomainRuleViolated.class,
                        refused -> assertThat(refused.rule()).isEqualTo("evidence-empty"));
        assertThat(evidenceFiles.store(id, null, EvidenceFile.Kind.SANITIZATION_REPORT, "r.csv", csv, vendor)
                .mediaType()).isEqualTo("text/csv");
    }

    @Test
    void refusesAnEvidenceFileLargerThanTheLimit() {
        byte[] big = new byte[(int) evidenceFiles.maxBytes() + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);

        assertThatThrownBy(() -> evidenceFiles.store(waiting.get(0), null, EvidenceFile.Kind.RECYCLING_CERTIFICATE,
                "big.pdf", big, vendor)).isInstanceOfSatisfying(DomainRuleViolated.class, refused -> {
                    assertThat(refused.rule()).isEqualTo("max-size");
                    assertThat(refused.field()).isEqualTo("file");
                });
    }

    @Test
    void keepsEvidenceFilesAppendOnlyForTheApplicationRole() {
        EvidenceFile file = evidenceFiles.store(waiting.get(0), null, EvidenceFile.Kind.RECYCLING_CERTIFICATE,
                "c.pdf", "%PDF-1.7 x".getBytes(StandardCharsets.US_ASCII), fixture.staff);

        // the application's own connections are the application role's
        for (String sql : List.of("update retirement_evidence_file set sha256 = repeat('0', 64) where id = :id",
                "delete from retirement_evidence_file where id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(sql).param("id", file.id()).update()).rootCause()
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql)
                            .isEqualTo("42501"));
        }
        assertThat(file.vendorId()).as("stored by IT staff").isNull();
        assertThat(evidenceFiles.content(waiting.get(0), file.id(), fixture.staff).file().sha256())
                .isEqualTo(file.sha256());
    }
}
