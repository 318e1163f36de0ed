package com.itadcustody.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The vendor registry through {@code /api/v1/vendors}: administrators manage contacts, sites, certifications and
 * their documents; the profile computes each certification's status and whether the vendor may take handoffs;
 * readers and vendor users see what they may, and another vendor's organisation is 404.
 */
class VendorRegistryTests extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    Vendors vendors;

    ApiClient admin;
    UUID vendorId;
    String base;

    @BeforeEach
    void registerAVendor() {
        admin = ApiClient.withToken(port, users.tokenFor(Role.ADMIN));
        Response created = admin.post("/api/v1/vendors", "{\"name\": \"Registry " + UUID.randomUUID() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        vendorId = UUID.fromString(created.json().get("id").asText());
        base = "/api/v1/vendors/" + vendorId;
    }

    @Test
    void managesContactsAndListsTheNotificationAddresses() {
        Response added = admin.post(base + "/contacts", """
                {"name": "Kim Logistics", "function": "Logistics lead", "email": "kim@recycler.example",
                 "phone": "+49 30 1234-56", "notifications": true}""");
        Response other = admin.post(base + "/contacts", """
                {"name": "Lee Sales", "email": "lee@recycler.example"}""");
        assertThat(added.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(201);
        assertThat(vendors.notificationContacts(vendorId)).containsExactly("kim@recycler.example");

        String lee = other.json().get("id").asText();
        Response changed = admin.put(base + "/contacts/" + lee, """
                {"name": "Lee Sales", "email": "lee.sales@recycler.example", "notifications": true}""");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(vendors.notificationContacts(vendorId))
                .containsExactly("kim@recycler.example", "lee.sales@recycler.example");

        assertThat(admin.delete(base + "/contacts/" + lee).status()).isEqualTo(204);
        assertThat(admin.delete(base + "/contacts/" + lee).status()).isEqualTo(404);
        assertThat(admin.get(base + "/contacts").json().findValuesAsText("name")).containsExactly("Kim Logistics");
    }

    @Test
    void managesSitesAndRenamesTheVendor() {
        Response site = admin.post(base + "/sites", """
                {"name": "Berlin plant", "address": "Recyclingweg 1, 10115 Berlin", "country": "de",
                 "r2Facility": true}""");
        assertThat(site.status()).isEqualTo(201);
        assertThat(site.json().get("country").asText()).isEqualTo("DE");
        String id = site.json().get("id").asText();
        assertThat(admin.put(base + "/sites/" + id, """
                {"name": "Berlin plant 2", "address": "Recyclingweg 2, 10115 Berlin", "country": "DE"}""")
                .json().get("r2Facility").asBoolean()).isFalse();
        assertThat(admin.get(base + "/sites").json().findValuesAsText("name")).containsExactly("Berlin plant 2");
        assertThat(admin.delete(base + "/sites/" + id).status()).isEqualTo(204);

        String name = "Renamed " + UUID.randomUUID();
        assertThat(admin.put(base, "{\"name\": \"" + name + "\"}").json().get("name").asText()).isEqualTo(name);
        assertThat(admin.get(base).json().get("name").asText()).isEqualTo(name);
    }

    @Test
    void refusesBadValuesNamingTheField() {
        assertField(admin.post(base + "/contacts", "{\"name\": \"No mail\", \"email\": \"not-an-address\"}"), 400,
                "email");
        assertField(admin.post(base + "/contacts", "{\"email\": \"a@b.example\"}"), 400, "name");
        assertField(admin.post(base + "/sites", "{\"name\": \"X\", \"address\": \"Y\", \"country\": \"XX\"}"), 422,
                "country");
        assertField(admin.post(base + "/certifications", certification("ISO 9001", TODAY, TODAY.plusYears(1))), 422,
                "scheme");
        assertField(admin.post(base + "/certifications", certification("R2V3", TODAY, TODAY.minusDays(1))), 422,
                "validUntil");
        Response badDate = admin.post(base + "/certifications", """
                {"scheme": "R2V3", "certificateId": "R2-1", "issuer": "SERI", "validFrom": "someday",
                 "validUntil": "2030-01-01"}""");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.isProblem()).isTrue();
        assertThat(admin.post("/api/v1/vendors/" + UUID.randomUUID() + "/contacts",
                "{\"name\": \"Nobody\", \"email\": \"n@b.example\"}").status()).isEqualTo(404);
    }

    @Test
    void computesStatusesAndWarnsOfACertificationEndingWithinThirtyDays() {
        admin.post(base + "/certifications", certification("R2v3", TODAY.minusYears(1), TODAY.plusDays(30)));
        admin.post(base + "/certifications", certification("ISO_14001", TODAY.minusYears(1), TODAY.plusDays(31)));
        admin.post(base + "/certifications", certification("NAID_AAA", TODAY.minusYears(2), TODAY.minusDays(1)));
        admin.post(base + "/certifications", certification("E_STEWARDS", TODAY.plusDays(1), TODAY.plusYears(3)));

        JsonNode profile = admin.get(base).json();

        assertThat(profile.get("canTakeHandoffs").asBoolean()).isTrue();
        assertThat(profile.get("certifications")).extracting(c -> c.get("certification").get("scheme").asText()
                + "=" + c.get("status").asText()).containsExactlyInAnyOrder("R2V3=EXPIRING", "ISO_14001=VALID",
                "NAID_AAA=EXPIRED", "E_STEWARDS=NOT_YET_VALID");
        assertThat(profile.get("warnings")).singleElement()
                .satisfies(w -> assertThat(w.asText()).contains("R2v3").contains("in 30 days"));
        JsonNode later = admin.get(base + "?day=" + TODAY.plusDays(31)).json();
        assertThat(later.get("canTakeHandoffs").asBoolean()).isTrue();
        assertThat(admin.get(base + "/certifications?day=" + TODAY.plusDays(31)).json())
                .anySatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("EXPIRED"));
    }

    @Test
    void anExpiredCertificationAloneBlocksHandoffsAndOnlyHandoffSchemesCount() {
        admin.post(base + "/certifications", certification("R2V3", TODAY.minusYears(2), TODAY.minusDays(1)));
        admin.post(base + "/certifications", certification("ISO_14001", TODAY.minusYears(1), TODAY.plusYears(1)));

        assertThat(vendors.certifiedOn(vendorId, TODAY)).isFalse();
        assertThat(vendors.certifiedOn(vendorId, TODAY.minusDays(1))).isTrue();
        JsonNode profile = admin.get(base).json();
        assertThat(profile.get("canTakeHandoffs").asBoolean()).isFalse();
        assertThat(profile.get("warnings").get(0).asText()).contains("takes no new handoffs");

        admin.post(base + "/certifications", certification("e-Stewards", TODAY, TODAY.plusYears(1)));
        assertThat(vendors.certifiedOn(vendorId, TODAY)).isTrue();

        assertThat(admin.post(base + "/deactivation", null).json().get("canTakeHandoffs").asBoolean()).isFalse();
        assertThat(vendors.certifiedOn(vendorId, TODAY)).isFalse();
        assertThat(admin.post(base + "/reactivation", null).json().get("canTakeHandoffs").asBoolean()).isTrue();
    }

    @Test
    void changesAndRemovesACertification() {
        String id = admin.post(base + "/certifications", certification("R2V3", TODAY.minusYears(1),
                TODAY.minusDays(1))).json().get("id").asText();
        assertThat(vendors.certifiedOn(vendorId, TODAY)).isFalse();

        Response renewed = admin.put(base + "/certifications/" + id, """
                {"scheme": "R2V3", "certificateId": "R2-renewed", "issuer": "SERI", "validFrom": "%s",
                 "validUntil": "%s", "scope": "Berlin plant: collection, data sanitization"}"""
                .formatted(TODAY.minusYears(1), TODAY.plusYears(2)));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().get("scope").asText()).startsWith("Berlin plant");
        assertThat(vendors.certifiedOn(vendorId, TODAY)).isTrue();

        assertThat(admin.delete(base + "/certifications/" + id).status()).isEqualTo(204);
        assertThat(vendors.certificationsOf(vendorId)).isEmpty();
        assertThat(vendors.certifiedOn(vendorId, TODAY)).isFalse();
    }

    @Test
    void storesAnUploadedPdfWithItsSha256AndServesItBack() {
        String id = certificationId();

        Response uploaded = upload(id, "r2-certificate.pdf", "image/png", PDF);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        assertThat(uploaded.json().get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(Sha256.hex(PDF));
        assertThat(uploaded.json().get("sizeBytes").asLong()).isEqualTo(PDF.length);
        Response download = admin.get(base + "/certifications/" + id + "/document");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(admin.get(base + "/certifications").json().get(0).get("certification").get("document")
                .get("fileName").asText()).isEqualTo("r2-certificate.pdf");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(upload(id, "scan.png", "application/pdf", png).json().get("mediaType").asText())
                .isEqualTo("image/png");
        assertThat(admin.get(base + "/certifications/" + id + "/document").body()).isEqualTo(png);
    }

    @Test
    void refusesADocumentThatIsNotAPdfOrImageWhateverTheClientClaims() {
        String id = certificationId();

        Response html = upload(id, "certificate.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        assertField(html, 422, "file");
        assertThat(html.json().get("rule").asText()).isEqualTo("document-type");
        assertThat(admin.get(base + "/certifications/" + id + "/document").status()).isEqualTo(404);
    }

    @Test
    void refusesADocumentOverTheSizeLimit() {
        String id = certificationId();
        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

        Response response = upload(id, "huge.pdf", "application/pdf", big);

        assertField(response, 413, "file");
        assertThat(admin.get(base + "/certifications/" + id + "/document").status()).isEqualTo(404);
        assertThat(upload(id, "limit.pdf", "application/pdf", Arrays.copyOf(PDF, 10 * 1024 * 1024)).status())
                .isEqualTo(200);
    }

    @Test
    void letsAVendorUserReadOnlyItsOwnOrganisation() {
        String id = certificationId();
        upload(id, "r2.pdf", "application/pdf", PDF);
        ApiClient own = ApiClient.withToken(port, users.tokenForVendor(vendorId));
        ApiClient stranger = ApiClient.withToken(port, users.tokenForVendor(users.vendorId("Stranger "
                + UUID.randomUUID())));

        assertThat(own.get(base).status()).isEqualTo(200);
        assertThat(own.get(base + "/certifications/" + id + "/document").body()).isEqualTo(PDF);
        assertThat(own.get("/api/v1/vendors").json().findValuesAsText("id")).containsExactly(vendorId.toString());
        for (String path : new String[] {base, base + "/contacts", base + "/sites", base + "/certifications",
                base + "/certifications/" + id + "/document"}) {
            Response answer = stranger.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.text()).doesNotContain("Registry");
        }
        assertThat(stranger.get("/api/v1/vendors").json().findValuesAsText("id")).doesNotContain(vendorId.toString());
        assertThat(own.post(base + "/contacts", "{\"name\": \"Me\", \"email\": \"me@x.example\"}").status())
                .isEqualTo(403);
        assertThat(own.post(base + "/webhook-secret", null).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IT_STAFF", "ASSET_MANAGER", "COMPLIANCE"})
    void letsStaffReadButNotChangeVendors(Role role) {
        ApiClient reader = ApiClient.withToken(port, users.tokenFor(role));

        assertThat(reader.get(base).status()).isEqualTo(200);
        assertThat(reader.get(base + "/certifications").status()).isEqualTo(200);
        assertThat(reader.put(base, "{\"name\": \"Taken over\"}").status()).isEqualTo(403);
        assertThat(reader.post(base + "/deactivation", null).status()).isEqualTo(403);
    }

    @Test
    void showsAWebhookSecretOnceAndReplacesItOnRotation() {
        Response first = admin.post(base + "/webhook-secret", null);
        Response second = admin.post(base + "/webhook-secret", null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("secret").asText()).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(second.json().get("secret").asText()).isNotEqualTo(first.json().get("secret").asText());
        assertThat(admin.get(base).text()).doesNotContain(second.json().get("secret").asText());
        assertThat(admin.post("/api/v1/vendors/" + UUID.randomUUID() + "/webhook-secret", null).status())
                .isEqualTo(404);
    }

    private String certificationId() {
        return admin.post(base + "/certifications", certification("R2V3", TODAY.minusYears(1), TODAY.plusYears(1)))
                .json().get("id").asText();
    }

    private Response upload(String certificationId, String fileName, String claimedType, byte[] content) {
        String boundary = "----itad" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return admin.send("PUT", base + "/certifications/" + certificationId + "/document",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static String certification(String scheme, LocalDate from, LocalDate until) {
        return """
                {"scheme": "%s", "certificateId": "C-%s", "issuer": "Certifier", "validFrom": "%s", "validUntil": "%s"}"""
                .formatted(scheme, UUID.randomUUID().toString().substring(0, 6), from, until);
    }

    private static void assertField(Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    }
}
