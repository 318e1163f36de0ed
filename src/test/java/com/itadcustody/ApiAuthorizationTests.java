package com.itadcustody;

import static com.itadcustody.shared.Role.ADMIN;
import static com.itadcustody.shared.Role.ASSET_MANAGER;
import static com.itadcustody.shared.Role.COMPLIANCE;
import static com.itadcustody.shared.Role.IT_STAFF;
import static com.itadcustody.shared.Role.VENDOR;
import static com.itadcustody.shared.Role.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint against every role: the roles listed may pass (any answer but 401/403), every other role
 * gets 403 whatever the body holds, and a caller without credentials gets 401. A test also checks that the table
 * lists every endpoint the application has, so a new endpoint cannot escape it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationTests extends IntegrationTest {

    static final Set<Role> ANY = EnumSet.allOf(Role.class);
    static final Set<Role> READERS = EnumSet.of(IT_STAFF, ASSET_MANAGER, VERIFIER, COMPLIANCE, ADMIN);
    static final Set<Role> EDITORS = EnumSet.of(IT_STAFF, ASSET_MANAGER, ADMIN);
    static final Set<Role> MANAGERS = EnumSet.of(ASSET_MANAGER, ADMIN);
    static final Set<Role> ADMINS = EnumSet.of(ADMIN);
    /** Vendor registry readers; a VENDOR user reads only its own organisation (another id is 404). */
    static final Set<Role> VENDOR_READERS = EnumSet.of(ADMIN, ASSET_MANAGER, COMPLIANCE, IT_STAFF, VENDOR);
    static final Set<Role> AUDITORS = EnumSet.of(COMPLIANCE, ADMIN);
    static final Set<Role> ISSUERS = EnumSet.of(VERIFIER, ADMIN);
    /** Marks endpoints anyone may call, without credentials. */
    static final Set<Role> PUBLIC = EnumSet.allOf(Role.class);

    static final String ID = UUID.randomUUID().toString();
    static final String OTHER = UUID.randomUUID().toString();

    /** One endpoint, the body sent (malformed on purpose for writes) and the roles allowed. */
    record Endpoint(String method, String pattern, String path, String contentType, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(get("/api/v1/assets", "/api/v1/assets", READERS));
        e.add(get("/api/v1/assets/{id}", "/api/v1/assets/" + ID, READERS));
        e.add(json("POST", "/api/v1/assets", "/api/v1/assets", EDITORS));
        e.add(json("PUT", "/api/v1/assets/{id}", "/api/v1/assets/" + ID, EDITORS));
        e.add(of("DELETE", "/api/v1/assets/{id}", "/api/v1/assets/" + ID, null, null, MANAGERS));
        e.add(json("POST", "/api/v1/assets/{id}/archive", "/api/v1/assets/" + ID + "/archive", MANAGERS));
        e.add(json("POST", "/api/v1/assets/{id}/media", "/api/v1/assets/" + ID + "/media", EDITORS));
        e.add(of("DELETE", "/api/v1/assets/{id}/media/{mediumId}", "/api/v1/assets/" + ID + "/media/" + OTHER, null,
                null, EDITORS));
        e.add(of("POST", "/api/v1/assets/import", "/api/v1/assets/import", "text/csv", "\"broken", EDITORS));
        e.add(get("/api/v1/assets/export", "/api/v1/assets/export", READERS));
        e.add(get("/api/v1/assets/{assetId}/seats", "/api/v1/assets/" + ID + "/seats", READERS));
        e.add(get("/api/v1/license-pools", "/api/v1/license-pools", READERS));
        e.add(get("/api/v1/license-pools/{id}", "/api/v1/license-pools/" + ID, READERS));
        e.add(json("POST", "/api/v1/license-pools", "/api/v1/license-pools", MANAGERS));
        e.add(json("PUT", "/api/v1/license-pools/{id}", "/api/v1/license-pools/" + ID, MANAGERS));
        e.add(get("/api/v1/license-pools/{id}/seats", "/api/v1/license-pools/" + ID + "/seats", READERS));
        e.add(json("POST", "/api/v1/license-pools/{id}/seats", "/api/v1/license-pools/" + ID + "/seats", EDITORS));
        e.add(json("POST", "/api/v1/license-pools/{id}/seats/{seatId}/release",
                "/api/v1/license-pools/" + ID + "/seats/" + OTHER + "/release", EDITORS));
        e.add(get("/api/v1/me", "/api/v1/me", ANY));
        e.add(get("/api/v1/me/tokens", "/api/v1/me/tokens", ANY));
        e.add(json("POST", "/api/v1/me/tokens", "/api/v1/me/tokens", ANY));
        e.add(of("DELETE", "/api/v1/me/tokens/{id}", "/api/v1/me/tokens/" + ID, null, null, ANY));
        e.add(get("/api/v1/users", "/api/v1/users", ADMINS));
        e.add(get("/api/v1/users/{id}", "/api/v1/users/" + ID, ADMINS));
        e.add(json("POST", "/api/v1/users", "/api/v1/users", ADMINS));
        e.add(json("PUT", "/api/v1/users/{id}", "/api/v1/users/" + ID, ADMINS));
        e.add(json("POST", "/api/v1/users/{id}/password", "/api/v1/users/" + ID + "/password", ADMINS));
        e.add(get("/api/v1/notifications", "/api/v1/notifications", ADMINS));
        e.add(get("/api/v1/vendors", "/api/v1/vendors", VENDOR_READERS));
        e.add(get("/api/v1/vendors/{id}", "/api/v1/vendors/" + ID, VENDOR_READERS));
        e.add(json("POST", "/api/v1/vendors", "/api/v1/vendors", ADMINS));
        e.add(json("POST", "/api/v1/vendors/{id}/certifications", "/api/v1/vendors/" + ID + "/certifications",
                ADMINS));
        e.add(get("/api/v1/vendors/{id}/certifications", "/api/v1/vendors/" + ID + "/certifications",
                VENDOR_READERS));
        String vendor = "/api/v1/vendors/" + ID;
        e.add(json("PUT", "/api/v1/vendors/{id}", vendor, ADMINS));
        e.add(of("POST", "/api/v1/vendors/{id}/deactivation", vendor + "/deactivation", null, null, ADMINS));
        e.add(of("POST", "/api/v1/vendors/{id}/reactivation", vendor + "/reactivation", null, null, ADMINS));
        e.add(of("POST", "/api/v1/vendors/{id}/webhook-secret", vendor + "/webhook-secret", null, null, ADMINS));
        e.add(get("/api/v1/vendors/{id}/contacts", vendor + "/contacts", VENDOR_READERS));
        e.add(json("POST", "/api/v1/vendors/{id}/contacts", vendor + "/contacts", ADMINS));
        e.add(json("PUT", "/api/v1/vendors/{id}/contacts/{contactId}", vendor + "/contacts/" + OTHER, ADMINS));
        e.add(of("DELETE", "/api/v1/vendors/{id}/contacts/{contactId}", vendor + "/contacts/" + OTHER, null, null,
                ADMINS));
        e.add(get("/api/v1/vendors/{id}/sites", vendor + "/sites", VENDOR_READERS));
        e.add(json("POST", "/api/v1/vendors/{id}/sites", vendor + "/sites", ADMINS));
        e.add(json("PUT", "/api/v1/vendors/{id}/sites/{siteId}", vendor + "/sites/" + OTHER, ADMINS));
        e.add(of("DELETE", "/api/v1/vendors/{id}/sites/{siteId}", vendor + "/sites/" + OTHER, null, null, ADMINS));
        e.add(json("PUT", "/api/v1/vendors/{id}/certifications/{certificationId}",
                vendor + "/certifications/" + OTHER, ADMINS));
        e.add(of("DELETE", "/api/v1/vendors/{id}/certifications/{certificationId}",
                vendor + "/certifications/" + OTHER, null, null, ADMINS));
        e.add(of("PUT", "/api/v1/vendors/{id}/certifications/{certificationId}/document",
                vendor + "/certifications/" + OTHER + "/document", "multipart/form-data; boundary=x", "--x--\r\n",
                ADMINS));
        e.add(get("/api/v1/vendors/{id}/certifications/{certificationId}/document",
                vendor + "/certifications/" + OTHER + "/document", VENDOR_READERS));
        // no login: each delivery is signed; without the signature headers it is a 400
        e.add(of("POST", "/api/v1/partner/webhooks/{vendorId}", "/api/v1/partner/webhooks/" + ID,
                "application/json", "{}", PUBLIC));
        e.add(publicGet("/api/v1/public/custody/checkpoint"));
        e.add(publicGet("/api/v1/public/custody/keys"));
        e.add(get("/api/v1/custody/checkpoints", "/api/v1/custody/checkpoints", AUDITORS));
        e.add(of("POST", "/api/v1/custody/checkpoints", "/api/v1/custody/checkpoints", null, null, AUDITORS));
        e.add(get("/api/v1/custody/entries/{seq}/proof", "/api/v1/custody/entries/999999999/proof", AUDITORS));
        e.add(get("/api/v1/custody/entries/{seq}/tlog-proof", "/api/v1/custody/entries/999999999/tlog-proof",
                AUDITORS));
        e.add(get("/api/v1/custody/events/{eventId}/proof", "/api/v1/custody/events/" + ID + "/proof", AUDITORS));
        e.add(get("/api/v1/custody/events/{eventId}/tlog-proof", "/api/v1/custody/events/" + ID + "/tlog-proof",
                AUDITORS));
        e.add(get("/api/v1/custody/consistency", "/api/v1/custody/consistency?from=1&to=1", AUDITORS));
        e.add(get("/api/v1/custody/assets/{assetId}/chain", "/api/v1/custody/assets/" + ID + "/chain", AUDITORS));
        e.add(get("/api/v1/custody/export", "/api/v1/custody/export?from=5&to=1", AUDITORS));
        e.add(get("/api/v1/custody/checkpoints/{treeSize}/timestamp", "/api/v1/custody/checkpoints/999999/timestamp",
                AUDITORS));
        e.add(of("POST", "/api/v1/custody/audits", "/api/v1/custody/audits", null, null, AUDITORS));
        e.add(get("/api/v1/custody/audits/{id}", "/api/v1/custody/audits/" + ID, AUDITORS));
        e.add(json("POST", "/api/v1/certificates/sanitization", "/api/v1/certificates/sanitization", ISSUERS));
        e.add(json("POST", "/api/v1/certificates/disposition", "/api/v1/certificates/disposition", ISSUERS));
        e.add(get("/api/v1/certificates", "/api/v1/certificates", READERS));
        e.add(get("/api/v1/certificates/{number}", "/api/v1/certificates/COS-2026-999999-0", READERS));
        e.add(get("/api/v1/certificates/{number}/pdf", "/api/v1/certificates/COS-2026-999999-0/pdf", READERS));
        e.add(json("POST", "/api/v1/certificates/{number}/revocation",
                "/api/v1/certificates/COS-2026-999999-0/revocation", AUDITORS));
        e.add(json("POST", "/api/v1/certificates/{number}/supersession",
                "/api/v1/certificates/COS-2026-999999-0/supersession", ISSUERS));
        e.add(publicGet("/api/v1/public/certificates/ca.pem"));
        e.add(json("POST", "/api/v1/retirements", "/api/v1/retirements", EDITORS));
        e.add(get("/api/v1/retirements/{id}", "/api/v1/retirements/" + ID, READERS));
        e.add(json("POST", "/api/v1/retirements/{id}/decision", "/api/v1/retirements/" + ID + "/decision",
                EnumSet.of(ASSET_MANAGER)));
        e.add(json("POST", "/api/v1/retirements/{id}/cancellation", "/api/v1/retirements/" + ID + "/cancellation",
                EDITORS));
        e.add(get("/api/v1/tasks", "/api/v1/tasks", ANY));
        e.add(of("POST", "/api/v1/tasks/{taskId}/claim", "/api/v1/tasks/" + ID + "/claim", null, null, ANY));
        e.add(of("DELETE", "/api/v1/tasks/{taskId}/claim", "/api/v1/tasks/" + ID + "/claim", null, null, ANY));
        e.add(json("POST", "/api/v1/retirements/{id}/escalation-acknowledgement",
                "/api/v1/retirements/" + ID + "/escalation-acknowledgement", EnumSet.of(ASSET_MANAGER)));
        e.add(json("POST", "/api/v1/lots/{id}/escalation-acknowledgement",
                "/api/v1/lots/" + ID + "/escalation-acknowledgement", EnumSet.of(ASSET_MANAGER)));
        e.add(json("POST", "/api/v1/retirements/{id}/vendor-processing",
                "/api/v1/retirements/" + ID + "/vendor-processing", EnumSet.of(VENDOR)));
        e.add(json("POST", "/api/v1/retirements/{id}/settlement", "/api/v1/retirements/" + ID + "/settlement",
                EnumSet.of(IT_STAFF)));
        e.add(json("POST", "/api/v1/lots", "/api/v1/lots", EnumSet.of(IT_STAFF)));
        e.add(get("/api/v1/lots/{id}", "/api/v1/lots/" + ID, ANY));
        e.add(of("POST", "/api/v1/lots/{id}/sign-off", "/api/v1/lots/" + ID + "/sign-off", null, null,
                EnumSet.of(IT_STAFF)));
        e.add(of("POST", "/api/v1/lots/{id}/handoff-retry", "/api/v1/lots/" + ID + "/handoff-retry", null, null,
                EnumSet.of(IT_STAFF)));
        e.add(of("POST", "/api/v1/lots/{id}/pickup", "/api/v1/lots/" + ID + "/pickup", null, null,
                EnumSet.of(VENDOR)));
        e.add(json("POST", "/api/v1/lots/{id}/receipt", "/api/v1/lots/" + ID + "/receipt", EnumSet.of(VENDOR)));
        e.add(json("POST", "/api/v1/lots/{id}/discrepancy-resolution", "/api/v1/lots/" + ID
                + "/discrepancy-resolution", EnumSet.of(IT_STAFF)));
        e.add(json("POST", "/api/v1/retirements/batches", "/api/v1/retirements/batches", EDITORS));
        e.add(get("/api/v1/retirements/batches/{id}", "/api/v1/retirements/batches/" + ID, EDITORS));
        e.add(json("POST", "/api/v1/retirements/{id}/backup-confirmation",
                "/api/v1/retirements/" + ID + "/backup-confirmation", EnumSet.of(IT_STAFF)));
        e.add(json("POST", "/api/v1/retirements/{id}/deprovisioning", "/api/v1/retirements/" + ID + "/deprovisioning",
                EnumSet.of(IT_STAFF)));
        e.add(get("/api/v1/retirements/{id}/deprovisioning", "/api/v1/retirements/" + ID + "/deprovisioning",
                READERS));
        e.add(of("POST", "/api/v1/retirements/{id}/deprovisioning/retry",
                "/api/v1/retirements/" + ID + "/deprovisioning/retry", null, null, EnumSet.of(IT_STAFF)));
        e.add(get("/api/v1/retirements/incidents", "/api/v1/retirements/incidents", EDITORS));
        e.add(json("POST", "/api/v1/retirements/{id}/media/{mediumId}/sanitization",
                "/api/v1/retirements/" + ID + "/media/" + OTHER + "/sanitization", EnumSet.of(IT_STAFF, VENDOR)));
        e.add(json("POST", "/api/v1/retirements/{id}/media/{mediumId}/verification",
                "/api/v1/retirements/" + ID + "/media/" + OTHER + "/verification", EnumSet.of(VERIFIER)));
        e.add(get("/api/v1/retirements/{id}/sanitization-plan", "/api/v1/retirements/" + ID + "/sanitization-plan",
                READERS));
        e.add(get("/api/v1/retirements/{id}/evidence", "/api/v1/retirements/" + ID + "/evidence", ANY));
        e.add(get("/api/v1/retirements/{id}/evidence/{fileId}/content",
                "/api/v1/retirements/" + ID + "/evidence/" + OTHER + "/content", ANY));
        e.add(of("GET", "/api/v1/public/certificates/{number}/verification",
                "/api/v1/public/certificates/COS-2026-999999-0/verification", null, null, PUBLIC));
        e.add(of("POST", "/api/v1/public/certificates/verification", "/api/v1/public/certificates/verification",
                "application/pdf", "", PUBLIC));
        Set<Role> erasureReaders = EnumSet.of(IT_STAFF, ASSET_MANAGER, ADMIN, VENDOR);
        e.add(of("POST", "/api/v1/partner/erasure-reports", "/api/v1/partner/erasure-reports",
                "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"r.csv\"\r\n\r\nbroken\r\n--x--\r\n", EnumSet.of(IT_STAFF, VENDOR)));
        e.add(get("/api/v1/partner/erasure-reports", "/api/v1/partner/erasure-reports", erasureReaders));
        e.add(get("/api/v1/partner/erasure-reports/{id}", "/api/v1/partner/erasure-reports/" + ID, erasureReaders));
        e.add(get("/api/v1/partner/erasure-reports/{id}/original", "/api/v1/partner/erasure-reports/" + ID
                + "/original", erasureReaders));
        e.add(get("/api/v1/partner/erasure-exceptions", "/api/v1/partner/erasure-exceptions", erasureReaders));
        e.add(get("/api/v1/partner/erasure-exceptions/{id}", "/api/v1/partner/erasure-exceptions/" + ID,
                erasureReaders));
        e.add(json("POST", "/api/v1/partner/erasure-exceptions/{id}/resolution",
                "/api/v1/partner/erasure-exceptions/" + ID + "/resolution", erasureReaders));
        e.add(of("POST", "/api/v1/partner/erasure-exceptions/{id}/retry", "/api/v1/partner/erasure-exceptions/"
                + ID + "/retry", null, null, erasureReaders));
        return e;
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Stream<Endpoint> everyEndpoint() {
        return endpoints().stream();
    }

    static Stream<Endpoint> everyProtectedEndpoint() {
        return endpoints().stream().filter(e -> e.allowed() != PUBLIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void allowsTheListedRolesAndForbidsEveryOther(Endpoint endpoint) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Response response = send(ApiClient.withToken(port, users.tokenFor(role)), endpoint);
            boolean passed = response.status() != 401 && response.status() != 403;
            if (endpoint.allowed().contains(role) != passed) {
                wrong.add(role + " got " + response.status());
            }
            if (!passed) {
                assertThat(response.status()).isEqualTo(403);
                assertThat(response.isProblem()).isTrue();
            }
            assertThat(response.status()).as(role + " " + endpoint + ": " + response.text()).isLessThan(500);
        }
        assertThat(wrong).as(endpoint.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyProtectedEndpoint")
    void refusesCallersWithoutCredentials(Endpoint endpoint) {
        Response response = send(ApiClient.anonymous(port), endpoint);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyProtectedEndpoint")
    void refusesAnInvalidToken(Endpoint endpoint) {
        Response response = send(ApiClient.withToken(port, "itad_not-a-real-token"), endpoint);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void theTableListsEveryApiEndpoint() {
        Set<String> listed = new TreeSet<>(endpoints().stream().map(Endpoint::toString).toList());
        Set<String> actual = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> actual.add(m.name() + " " + p))));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(actual);
    }

    @Test
    void publicEndpointsNeedNoCredentials() {
        endpoints().stream().filter(e -> e.allowed() == PUBLIC).forEach(endpoint -> assertThat(
                send(ApiClient.anonymous(port), endpoint).status()).as(endpoint.toString()).isNotIn(401, 403));
    }

    @Test
    void aVendorUserReachesNoAssetData() {
        ApiClient vendor = ApiClient.withToken(port, users.tokenFor(VENDOR));

        assertThat(vendor.get("/api/v1/assets").status()).isEqualTo(403);
        assertThat(vendor.get("/api/v1/assets/export").status()).isEqualTo(403);
        assertThat(vendor.get("/api/v1/license-pools").status()).isEqualTo(403);
    }

    private static Response send(ApiClient client, Endpoint endpoint) {
        return client.send(endpoint.method(), endpoint.path(), endpoint.contentType(),
                endpoint.body() == null ? null : endpoint.body().getBytes(StandardCharsets.UTF_8));
    }

    private static Endpoint publicGet(String path) {
        return of("GET", path, path, null, null, PUBLIC);
    }

    private static Endpoint get(String pattern, String path, Set<Role> allowed) {
        return of("GET", pattern, path, null, null, allowed);
    }

    /** A write with a malformed JSON body: allowed roles get 400 (or 404), others 403 before the body is read. */
    private static Endpoint json(String method, String pattern, String path, Set<Role> allowed) {
        return of(method, pattern, path, "application/json", "{\"broken\": ", allowed);
    }

    private static Endpoint of(String method, String pattern, String path, String contentType, String body,
            Set<Role> allowed) {
        return new Endpoint(method, pattern, path, contentType, body, allowed);
    }
}
