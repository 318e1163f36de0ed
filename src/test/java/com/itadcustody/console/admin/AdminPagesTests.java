package com.itadcustody.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.console.admin.AdminSession.FilePart;
import com.itadcustody.console.admin.AdminSession.Response;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.VendorProfile;
import com.itadcustody.vendor.Vendors;
import com.itadcustody.vendor.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin pages' users and vendors on the running service: every page opens for ADMIN and is refused to other
 * roles; each form changes what it says, and refuses bad input next to the field with the input kept and nothing
 * changed.
 */
class AdminPagesTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Vendors vendors;

    @Autowired
    WebhookSecrets webhookSecrets;

    static String admin;
    static UUID vendorId;

    @BeforeAll
    static void anAdministratorAndAVendor(@Autowired Users users, @Autowired Vendors vendors) {
        admin = AdminSession.user(users, Role.ADMIN, null);
        vendorId = vendors.register("Admin pages recycler " + UUID.randomUUID().toString().substring(0, 6),
                Actor.system()).id();
    }

    AdminSession asAdmin() {
        return AdminSession.signedIn(port, admin, AdminSession.PASSWORD);
    }

    List<String> pages() {
        UUID someUser = users.findByUsername(admin).orElseThrow().id();
        UUID certification = vendors.addCertification(vendorId, "R2V3", "R2-PAGES-1", "SERI",
                LocalDate.now(ZoneOffset.UTC).minusDays(10), LocalDate.now(ZoneOffset.UTC).plusDays(200), null,
                Actor.system()).id();
        UUID contact = vendors.addContact(vendorId, new com.itadcustody.vendor.VendorContact.Details("Pat Pages",
                null, "pat@example.com", null, false), Actor.system()).id();
        UUID site = vendors.addSite(vendorId, new com.itadcustody.vendor.VendorSite.Details("Pages plant",
                "Street 3, Leipzig", "DE", false), Actor.system()).id();
        return List.of("/admin", "/admin/users", "/admin/users/new", "/admin/users/" + someUser, "/admin/vendors",
                "/admin/vendors/" + vendorId, "/admin/vendors/" + vendorId + "/certifications/" + certification,
                "/admin/vendors/" + vendorId + "/contacts/" + contact, "/admin/vendors/" + vendorId + "/sites/" + site,
                "/admin/connectors", "/admin/connectors/MDM", "/admin/keys", "/admin/keys/log/rotation",
                "/admin/keys/certificate/rotation", "/admin/sla");
    }

    @Test
    void everyAdminPageOpensForAnAdministrator() {
        AdminSession session = asAdmin();
        for (String page : pages()) {
            Response response = session.get(page);
            assertThat(response.status()).as(page + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(page).contains("<main id=\"main\" class=\"console\">")
                    .doesNotContain("Whitelabel").doesNotContain("Something went wrong");
            assertThat(ids(response.body())).as(page + ": element ids are unique").doesNotHaveDuplicates();
            for (String labelled : labelTargets(response.body())) {
                assertThat(ids(response.body())).as(page + ": a label's field exists").contains(labelled);
            }
        }
        assertThat(session.get("/admin/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(session.get("/admin/vendors/not-an-id").status()).isEqualTo(404);
        Response unknownContact = session.post("/admin/vendors/" + vendorId + "/contacts/" + UUID.randomUUID()
                + "/removal", Map.of());
        assertThat(unknownContact.status()).isEqualTo(404);
        assertThat(unknownContact.body()).contains("id=\"problem\"");
        assertThat(session.get("/admin").body()).contains("href=\"/admin/users\"", "href=\"/admin/vendors\"",
                "href=\"/admin/connectors\"", "href=\"/admin/keys\"", "href=\"/admin/sla\"");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IT_STAFF", "COMPLIANCE", "VENDOR", "ASSET_MANAGER", "VERIFIER"})
    void refusesEveryAdminPageAndActionToOtherRoles(Role role) {
        String username = AdminSession.user(users, role, role == Role.VENDOR ? vendorId : null);
        AdminSession session = AdminSession.signedIn(port, username, AdminSession.PASSWORD);
        for (String page : pages()) {
            Response response = session.get(page);
            assertThat(response.status()).as(role + " " + page).isEqualTo(403);
            assertThat(response.body()).as(role + " " + page).doesNotContain("Admin pages recycler");
        }
        String sneaky = "sneaky." + UUID.randomUUID().toString().substring(0, 8);
        Response create = session.post("/admin/users", Map.of("username", sneaky, "displayName", "Sneaky",
                "email", "sneaky@example.com", "password", "a-long-enough-password", "roles", "ADMIN"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(users.findByUsername(sneaky)).isEmpty();
        Response rename = session.post("/admin/vendors/" + vendorId, Map.of("name", "Renamed by " + role));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(vendors.find(vendorId).orElseThrow().name()).startsWith("Admin pages recycler");
        Response sla = session.post("/admin/sla", Map.of("approval", "PT1H"));
        assertThat(sla.status()).isEqualTo(403);
        Response rotate = session.post("/admin/keys/log/rotation", Map.of("confirm", "true"));
        assertThat(rotate.status()).isEqualTo(403);
    }

    @Test
    void createsAUserAndRecordsWhoDidIt() {
        AdminSession session = asAdmin();
        String username = "new.staff." + UUID.randomUUID().toString().substring(0, 8);

        Response created = session.post("/admin/users", form("username", username, "displayName", "New Staff",
                "email", username + "@example.com", "password", "twelve-chars-at-least", "roles", "IT_STAFF",
                "roles", "VERIFIER", "vendorId", ""));

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        User user = users.findByUsername(username).orElseThrow();
        assertThat(created.location()).endsWith("/admin/users/" + user.id());
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.IT_STAFF, Role.VERIFIER);
        assertThat(user.displayName()).isEqualTo("New Staff");
        assertThat(session.get("/admin/users/" + user.id()).body()).contains("User " + username + " created.");
        assertThat(session.get("/admin/users?q=" + username).body()).contains(username).contains("IT_STAFF, VERIFIER");
        AdminSession.signedIn(port, username, "twelve-chars-at-least");
    }

    @Test
    void refusesABadNewUserNextToEachFieldAndKeepsTheInput() {
        AdminSession session = asAdmin();
        String taken = admin;

        Response badName = session.post("/admin/users", form("username", "Bad Name!", "displayName", "Kept Name",
                "email", "not-an-email", "password", "short", "roles", "IT_STAFF"));
        assertThat(badName.status()).isEqualTo(200);
        assertThat(errorOf(badName.body(), "user-username")).contains("3 to 64 characters");
        assertThat(errorOf(badName.body(), "user-email")).contains("valid email");
        assertThat(badName.body()).contains("value=\"Kept Name\"").contains("value=\"Bad Name!\"")
                .contains("aria-invalid=\"true\"");
        assertThat(users.findByUsername("Bad Name!")).isEmpty();

        String shortPassword = "pw." + UUID.randomUUID().toString().substring(0, 8);
        Response tooShort = session.post("/admin/users", form("username", shortPassword, "displayName", "X",
                "email", "x@example.com", "password", "short", "roles", "IT_STAFF"));
        assertThat(errorOf(tooShort.body(), "user-password")).contains("at least 12 characters");
        assertThat(users.findByUsername(shortPassword)).isEmpty();

        String vendorUser = "vu." + UUID.randomUUID().toString().substring(0, 8);
        Response noVendor = session.post("/admin/users", form("username", vendorUser, "displayName", "Vendor user",
                "email", "v@example.com", "password", "twelve-chars-at-least", "roles", "VENDOR"));
        assertThat(errorOf(noVendor.body(), "user-vendorId")).contains("must belong to a vendor organisation");
        assertThat(users.findByUsername(vendorUser)).isEmpty();

        Response mixed = session.post("/admin/users", form("username", vendorUser, "displayName", "Vendor user",
                "email", "v@example.com", "password", "twelve-chars-at-least", "roles", "VENDOR", "roles", "IT_STAFF",
                "vendorId", vendorId.toString()));
        assertThat(errorOf(mixed.body(), "user-roles")).contains("VENDOR role and no other");

        Response duplicate = session.post("/admin/users", form("username", taken, "displayName", "Again",
                "email", "again@example.com", "password", "twelve-chars-at-least", "roles", "IT_STAFF"));
        assertThat(errorOf(duplicate.body(), "user-username")).contains("is taken");
        assertThat(users.findByUsername(taken).orElseThrow().displayName()).isNotEqualTo("Again");
    }

    @Test
    void changesRolesAndProfileDisablesAndSetsAPassword() {
        AdminSession session = asAdmin();
        String username = AdminSession.user(users, Role.IT_STAFF, null);
        User user = users.findByUsername(username).orElseThrow();
        UUID adminId = users.findByUsername(admin).orElseThrow().id();

        Response saved = session.post("/admin/users/" + user.id(), form("displayName", "Renamed Person",
                "email", "renamed@example.com", "roles", "ASSET_MANAGER", "vendorId", ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        User changed = users.find(user.id()).orElseThrow();
        assertThat(changed.roles()).containsExactly(Role.ASSET_MANAGER);
        assertThat(changed.email()).isEqualTo("renamed@example.com");
        assertThat(updatedBy(user.id())).isEqualTo(adminId);

        Response invalid = session.post("/admin/users/" + user.id(), form("displayName", "", "email",
                "renamed@example.com", "roles", "VENDOR"));
        assertThat(errorOf(invalid.body(), "user-displayName")).contains("Enter the name");
        Response vendorless = session.post("/admin/users/" + user.id(), form("displayName", "Still Kept",
                "email", "renamed@example.com", "roles", "VENDOR"));
        assertThat(errorOf(vendorless.body(), "user-vendorId")).contains("must belong to a vendor organisation");
        assertThat(vendorless.body()).contains("value=\"Still Kept\"");
        assertThat(users.find(user.id()).orElseThrow().roles()).containsExactly(Role.ASSET_MANAGER);

        assertThat(session.post("/admin/users/" + user.id() + "/enabled", Map.of("enabled", "false")).status())
                .isEqualTo(302);
        assertThat(users.find(user.id()).orElseThrow().enabled()).isFalse();
        assertThat(session.get("/admin/users/" + user.id()).body()).contains("disabled: cannot sign in");
        session.post("/admin/users/" + user.id() + "/enabled", Map.of("enabled", "true"));
        assertThat(users.find(user.id()).orElseThrow().enabled()).isTrue();

        Response shortPassword = session.post("/admin/users/" + user.id() + "/password", Map.of("password", "short"));
        assertThat(errorOf(shortPassword.body(), "password")).contains("at least 12 characters");
        assertThat(session.post("/admin/users/" + user.id() + "/password",
                Map.of("password", "a-brand-new-password")).status()).isEqualTo(302);
        AdminSession renewed = AdminSession.signedIn(port, username, "a-brand-new-password");
        assertThat(renewed.get("/admin").status()).as("signed in, but not an administrator").isEqualTo(403);
    }

    @Test
    void registersAndEditsAVendorWithContactsSitesAndCertifications() {
        AdminSession session = asAdmin();
        String name = "Pages Vendor " + UUID.randomUUID().toString().substring(0, 6);

        Response registered = session.post("/admin/vendors", Map.of("name", name));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        Vendor vendor = vendors.list().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        String page = "/admin/vendors/" + vendor.id();
        assertThat(registered.location()).endsWith(page);
        assertThat(session.get("/admin/vendors?q=" + name.replace(' ', '+')).body()).contains(name);

        Response duplicate = session.post("/admin/vendors", Map.of("name", name));
        assertThat(errorOf(duplicate.body(), "vendor-name")).contains("registered already");
        assertThat(vendors.list().stream().filter(v -> v.name().equals(name))).hasSize(1);

        Response badContact = session.post(page + "/contacts", Map.of("name", "Kim Contact", "email", "kim-at-x"));
        assertThat(errorOf(badContact.body(), "contact-email")).contains("valid email");
        assertThat(badContact.body()).contains("value=\"Kim Contact\"");
        assertThat(vendors.contactsOf(vendor.id())).isEmpty();
        assertThat(session.post(page + "/contacts", Map.of("name", "Kim Contact", "email", "kim@example.com",
                "phone", "+49 30 123", "notifications", "true")).status()).isEqualTo(302);
        assertThat(vendors.notificationContacts(vendor.id())).containsExactly("kim@example.com");
        String contactPage = page + "/contacts/" + vendors.contactsOf(vendor.id()).get(0).id();
        assertThat(session.get(contactPage).body()).contains("value=\"Kim Contact\"");
        Response badPhone = session.post(contactPage, Map.of("name", "Kim Contact", "email", "kim@example.com",
                "phone", "call me maybe"));
        assertThat(errorOf(badPhone.body(), "contact-phone")).isNotBlank();
        assertThat(badPhone.body()).contains("value=\"call me maybe\"");
        assertThat(session.post(contactPage, Map.of("name", "Kim Contact", "email", "kim.new@example.com"))
                .status()).isEqualTo(302);
        assertThat(vendors.contactsOf(vendor.id())).singleElement().satisfies(c -> {
            assertThat(c.email()).isEqualTo("kim.new@example.com");
            assertThat(c.notifications()).isFalse();
        });

        Response badSite = session.post(page + "/sites", Map.of("name", "Plant", "address", "Street 1",
                "country", "XX"));
        assertThat(errorOf(badSite.body(), "site-country")).isNotBlank();
        assertThat(vendors.sitesOf(vendor.id())).isEmpty();
        assertThat(session.post(page + "/sites", Map.of("name", "Plant", "address", "Street 1, Leipzig",
                "country", "DE", "r2Facility", "true")).status()).isEqualTo(302);
        assertThat(vendors.sitesOf(vendor.id())).singleElement().satisfies(s -> assertThat(s.r2Facility()).isTrue());
        String sitePage = page + "/sites/" + vendors.sitesOf(vendor.id()).get(0).id();
        assertThat(errorOf(session.post(sitePage, Map.of("name", "Plant", "address", "", "country", "DE")).body(),
                "site-address")).contains("postal address");
        assertThat(session.post(sitePage, Map.of("name", "Plant 2", "address", "Street 2, Leipzig", "country", "DE"))
                .status()).isEqualTo(302);
        assertThat(vendors.sitesOf(vendor.id())).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Plant 2");
            assertThat(s.r2Facility()).isFalse();
        });

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Response badPeriod = session.post(page + "/certifications", Map.of("scheme", "R2V3", "certificateId",
                "R2-1", "issuer", "SERI", "validFrom", today.toString(), "validUntil", today.minusDays(1).toString()));
        assertThat(errorOf(badPeriod.body(), "certification-validUntil")).isNotBlank();
        Response badDate = session.post(page + "/certifications", Map.of("scheme", "R2V3", "certificateId",
                "R2-1", "issuer", "SERI", "validFrom", "31.12.2026", "validUntil", today.toString()));
        assertThat(errorOf(badDate.body(), "certification-validFrom")).contains("YYYY-MM-DD");
        assertThat(vendors.certificationsOf(vendor.id())).isEmpty();

        certify(session, page, "R2V3", today.minusDays(100), today.plusDays(200));
        certify(session, page, "E_STEWARDS", today.minusDays(100), today.plusDays(10));
        certify(session, page, "NAID_AAA", today.minusDays(100), today.minusDays(1));
        certify(session, page, "ISO_14001", today.plusDays(5), today.plusDays(500));
        String body = session.get(page).body();
        assertThat(body).contains("status-VALID", "status-EXPIRING", "status-EXPIRED", "status-NOT_YET_VALID");
        assertThat(vendors.profile(vendor.id(), today).certifications()).extracting(s -> s.status().name())
                .containsExactlyInAnyOrder("VALID", "EXPIRING", "EXPIRED", "NOT_YET_VALID");

        VendorProfile.CertificationState r2 = vendors.profile(vendor.id(), today).certifications().stream()
                .filter(s -> s.certification().scheme().equals("R2V3")).findFirst().orElseThrow();
        String certificationPage = page + "/certifications/" + r2.certification().id();
        assertThat(session.post(certificationPage, Map.of("scheme", "R2V3", "certificateId", "R2-CHANGED",
                "issuer", "SERI", "validFrom", today.minusDays(100).toString(), "validUntil",
                today.plusDays(300).toString())).status()).isEqualTo(302);
        assertThat(vendors.certificationsOf(vendor.id())).anyMatch(c -> c.certificateId().equals("R2-CHANGED"));

        assertThat(session.post(page, Map.of("name", name + " GmbH")).status()).isEqualTo(302);
        assertThat(vendors.find(vendor.id()).orElseThrow().name()).isEqualTo(name + " GmbH");
        assertThat(session.post(page + "/active", Map.of("active", "false")).status()).isEqualTo(302);
        assertThat(vendors.profile(vendor.id(), today).active()).isFalse();
        assertThat(session.get(page).body()).contains("deactivated");
        session.post(page + "/active", Map.of("active", "true"));
        assertThat(vendors.profile(vendor.id(), today).active()).isTrue();
    }

    @Test
    void storesACertificateDocumentOnlyWhenItsBytesAreAPdfPngOrJpegWithinTheLimit() {
        AdminSession session = asAdmin();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID certification = vendors.addCertification(vendorId, "E_STEWARDS", "ES-" + UUID.randomUUID(), "BAN",
                today.minusDays(1), today.plusDays(100), null, Actor.system()).id();
        String upload = "/admin/vendors/" + vendorId + "/certifications/" + certification + "/document";

        Response disguised = session.postMultipart(upload, Map.of(), List.of(new FilePart("file", "certificate.pdf",
                "MZ this is an executable".getBytes(StandardCharsets.US_ASCII))));
        assertThat(disguised.status()).isEqualTo(422);
        assertThat(disguised.body()).contains("id=\"upload-error\"");
        assertThat(document(certification)).isNull();

        byte[] huge = new byte[(int) vendors.maxDocumentBytes() + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
        Response tooLarge = session.postMultipart(upload, Map.of(), List.of(new FilePart("file", "big.pdf", huge)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(document(certification)).isNull();

        byte[] pdf = "%PDF-1.7\n% a certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Response stored = session.postMultipart(upload, Map.of(), List.of(new FilePart("file", "es.pdf", pdf)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(302);
        assertThat(document(certification)).isEqualTo("application/pdf");
        Response download = session.get(upload);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(pdf);
    }

    @Test
    void showsANewWebhookSecretOnceAndRotatesItOnlyWhenConfirmed() {
        AdminSession session = asAdmin();
        UUID vendor = vendors.register("Secret vendor " + UUID.randomUUID().toString().substring(0, 6),
                Actor.system()).id();
        String page = "/admin/vendors/" + vendor;

        Response made = session.post(page + "/webhook-secret", Map.of());
        assertThat(made.status()).isEqualTo(200);
        String first = secretIn(made.body());
        assertThat(webhookSecrets.hasSecret(vendor)).isTrue();
        assertThat(session.get(page).body()).doesNotContain(first);

        Response unconfirmed = session.post(page + "/webhook-secret", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("id=\"confirm-error\"").doesNotContain("id=\"secret-value\"");
        assertThat(webhookSecrets.signatureMatches(vendor, new byte[] {1}, hmac(first, new byte[] {1}))).isTrue();

        String second = secretIn(session.post(page + "/webhook-secret", Map.of("confirm", "true")).body());
        assertThat(second).isNotEqualTo(first);
        assertThat(webhookSecrets.signatureMatches(vendor, new byte[] {1}, hmac(first, new byte[] {1}))).isFalse();
    }

    private void certify(AdminSession session, String page, String scheme, LocalDate from, LocalDate until) {
        Response added = session.post(page + "/certifications", Map.of("scheme", scheme, "certificateId",
                scheme + "-" + UUID.randomUUID().toString().substring(0, 6), "issuer", "Body", "validFrom",
                from.toString(), "validUntil", until.toString()));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
    }

    private String document(UUID certification) {
        return vendors.certificationsOf(vendorId).stream().filter(c -> c.id().equals(certification)).findFirst()
                .map(c -> c.document() == null ? null : c.document().mediaType()).orElse(null);
    }

    private UUID updatedBy(UUID userId) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select updated_by from app_user where id = ?").param(userId).query(UUID.class).single();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    static String secretIn(String body) {
        Matcher m = Pattern.compile("id=\"secret-value\">([^<]+)<").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    static byte[] hmac(String secret, byte[] content) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a field's error ({@code <p id="<id>-error">}), or empty when there is none. */
    static String errorOf(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "-error\"[^>]*>([^<]*)<").matcher(body);
        if (!m.find()) {
            Matcher alt = Pattern.compile("<p[^>]*id=\"" + Pattern.quote(id) + "-error\"[^>]*>([^<]*)<")
                    .matcher(body);
            return alt.find() ? alt.group(1) : "";
        }
        return m.group(1);
    }

    static List<String> ids(String body) {
        Matcher m = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(body);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static List<String> labelTargets(String body) {
        Matcher m = Pattern.compile("<label[^>]*\\sfor=\"([^\"]+)\"").matcher(body);
        List<String> targets = new java.util.ArrayList<>();
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    /** A form's name/value pairs, names may repeat (e.g. several roles). */
    static String[] form(String... pairs) {
        return pairs;
    }
}
