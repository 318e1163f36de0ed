package com.itadcustody.asset.license;

import static com.itadcustody.asset.license.LicenseFixtures.actor;
import static com.itadcustody.asset.license.LicenseFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

class LicensePoolApiTests extends IntegrationTest {

    static final String POOLS = "/api/v1/license-pools";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    LicensePoolService pools;

    @Autowired
    JdbcTemplate jdbc;

    LicenseFixtures fixtures;
    ApiClient manager;
    ApiClient staff;

    @BeforeEach
    void signIn() {
        fixtures = new LicenseFixtures(jdbc);
        manager = as(Role.ASSET_MANAGER);
        staff = as(Role.IT_STAFF);
    }

    ApiClient as(Role role) {
        return ApiClient.withToken(port, users.tokenFor(role));
    }

    String existingPool(LicenseMetric metric, int seats) {
        return pools.create(terms(metric, seats), actor(Role.ASSET_MANAGER)).pool().id().toString();
    }

    static String pool(String product, String metric, int seatsOwned, String extra) {
        return """
                {"publisher": "Contoso", "product": "%s", "metric": "%s", "seatsOwned": %d%s}"""
                .formatted(product, metric, seatsOwned, extra);
    }

    @Test
    void createsReadsAndChangesAPoolRecordingWhoDidIt() {
        String product = "Visio " + UUID.randomUUID();
        Response created = manager.post(POOLS, pool(product, "PER_DEVICE", 4,
                ", \"renewalDate\": \"2027-03-31\", \"cost\": 480.50, \"currency\": \"EUR\""));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode read = staff.get(POOLS + "/" + id).json();
        assertThat(read.get("seatsOwned").asInt()).isEqualTo(4);
        assertThat(read.get("seatsAssigned").asInt()).isZero();
        assertThat(read.get("seatsFree").asInt()).isEqualTo(4);
        assertThat(read.get("cost").decimalValue()).isEqualByComparingTo("480.50");
        assertThat(read.get("createdBy").asText()).isEqualTo(users.userId(Role.ASSET_MANAGER).toString());

        Response changed = as(Role.ADMIN).put(POOLS + "/" + id, pool(product, "PER_DEVICE", 6, ", \"version\": 0"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(1);
        assertThat(changed.json().get("seatsFree").asInt()).isEqualTo(6);
        assertThat(changed.json().get("cost")).isNull();
        assertThat(changed.json().get("updatedBy").asText()).isEqualTo(users.userId(Role.ADMIN).toString());

        Response stale = manager.put(POOLS + "/" + id, pool(product, "PER_DEVICE", 7, ", \"version\": 0"));
        assertProblem(stale, 409, "concurrent-change");
    }

    @Test
    void listsPoolsFilteredByPublisherProductAndMetric() {
        String product = "Filtered " + UUID.randomUUID();
        manager.post(POOLS, pool(product + " A", "PER_USER", 1, ""));
        manager.post(POOLS, pool(product + " B", "PER_DEVICE", 2, ""));
        manager.post(POOLS, pool(product + " C", "PER_USER", 3, ""));

        Response page = staff.get(POOLS + "?publisher=contoso&product=" + product.replace(" ", "%20")
                + "&metric=PER_USER&sort=seatsOwned,desc&size=1&page=0");

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.json().get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.json().get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.json().get("content")).singleElement()
                .satisfies(p -> assertThat(p.get("product").asText()).isEqualTo(product + " C"));
    }

    @Test
    void refusesInvalidPoolsNamingTheField() {
        assertProblem(manager.post(POOLS, pool("X", "PER_USER", 1, ", \"cost\": 10, \"currency\": \"XYZ\"")),
                422, "unknown-currency", "currency");
        assertProblem(manager.post(POOLS, pool("X", "PER_USER", 1, ", \"cost\": 10")),
                422, "currency-required", "currency");
        assertProblem(manager.post(POOLS, pool("X", "PER_USER", -1, "")), 400, "validation", "seatsOwned");
        assertProblem(manager.post(POOLS, pool("X", "PER_USER", 1, ", \"cost\": -1, \"currency\": \"EUR\"")),
                400, "validation", "cost");
        assertProblem(manager.post(POOLS, pool("X", "PER_SEAT", 1, "")), 400, "invalid-value", "metric");
        assertProblem(manager.post(POOLS, pool("X", "PER_USER", 1, ", \"seats\": 3")), 400, "unknown-field",
                "seats");
        assertProblem(manager.post(POOLS, pool("", "PER_USER", 1, "")), 400, "validation", "product");
        assertProblem(staff.get(POOLS + "?sort=cost"), 400, "validation", "sort");
        assertProblem(staff.get(POOLS + "?metric=PER_SEAT"), 400, "invalid-parameter", "metric");
        assertProblem(staff.get(POOLS + "/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void assignsAndReleasesSeatsKeepingTheCountsAndTheHistory() {
        String id = existingPool(LicenseMetric.PER_DEVICE, 1);
        UUID asset = fixtures.assetInService();

        Response assigned = staff.post(POOLS + "/" + id + "/seats", "{\"assetId\": \"" + asset + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
        String seatId = assigned.json().get("id").asText();
        assertThat(assigned.json().get("assignedBy").asText()).isEqualTo(users.userId(Role.IT_STAFF).toString());
        assertThat(staff.get(POOLS + "/" + id).json().get("seatsFree").asInt()).isZero();
        assertThat(staff.get("/api/v1/assets/" + asset + "/seats").json()).singleElement()
                .satisfies(seat -> assertThat(seat.get("poolId").asText()).isEqualTo(id));

        assertProblem(staff.post(POOLS + "/" + id + "/seats", "{\"assetId\": \"" + fixtures.assetInService() + "\"}"),
                409, "no-free-seats");
        assertProblem(staff.post(POOLS + "/" + id + "/seats", "{\"assignee\": \"alice@example.com\"}"),
                422, "seat-target-mismatch", "assignee");
        assertProblem(manager.put(POOLS + "/" + id, pool("Shrunk", "PER_DEVICE", 0, ", \"version\": 0")),
                409, "seats-below-assigned", "seatsOwned");

        Response released = manager.post(POOLS + "/" + id + "/seats/" + seatId + "/release", null);
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.json().get("releasedBy").asText()).isEqualTo(users.userId(Role.ASSET_MANAGER).toString());
        assertThat(staff.get(POOLS + "/" + id).json().get("seatsFree").asInt()).isEqualTo(1);
        assertThat(staff.get(POOLS + "/" + id + "/seats").json()).isEmpty();
        assertThat(staff.get(POOLS + "/" + id + "/seats?includeReleased=true").json()).singleElement()
                .satisfies(seat -> assertThat(seat.get("active").asBoolean()).isFalse());
        assertThat(staff.get("/api/v1/assets/" + asset + "/seats").json()).isEmpty();
        assertProblem(manager.post(POOLS + "/" + id + "/seats/" + seatId + "/release", null), 409,
                "already-released");
    }

    @Test
    void refusesSeatsForUnknownOrRetiredAssets() {
        String id = existingPool(LicenseMetric.PER_DEVICE, 5);

        assertProblem(staff.post(POOLS + "/" + id + "/seats", "{\"assetId\": \"" + UUID.randomUUID() + "\"}"),
                422, "unknown-asset", "assetId");
        assertProblem(staff.post(POOLS + "/" + id + "/seats", "{\"assetId\": \"" + fixtures.asset("DISPOSED")
                + "\"}"), 409, "asset-not-in-service", "assetId");
        assertProblem(staff.post(POOLS + "/" + id + "/seats", "{\"assetId\": \"" + fixtures.assetInService()
                + "\", \"assignee\": \"bob@example.com\"}"), 422, "exactly-one-target", "assignee");
        assertProblem(staff.get("/api/v1/assets/" + UUID.randomUUID() + "/seats"), 404, "not-found");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IT_STAFF", "ASSET_MANAGER", "VERIFIER", "COMPLIANCE", "ADMIN"})
    void letsEveryInternalRoleRead(Role role) {
        String id = existingPool(LicenseMetric.PER_USER, 1);
        ApiClient client = as(role);

        assertThat(client.get(POOLS).status()).isEqualTo(200);
        assertThat(client.get(POOLS + "/" + id).status()).isEqualTo(200);
        assertThat(client.get(POOLS + "/" + id + "/seats").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/assets/" + fixtures.assetInService() + "/seats").status()).isEqualTo(200);
    }

    @Test
    void showsVendorsNothing() {
        String id = existingPool(LicenseMetric.PER_USER, 1);
        ApiClient vendor = as(Role.VENDOR);

        assertThat(vendor.get(POOLS).status()).isEqualTo(403);
        assertThat(vendor.get(POOLS + "/" + id).status()).isEqualTo(403);
        assertThat(vendor.get(POOLS + "/" + id + "/seats").status()).isEqualTo(403);
        assertThat(vendor.get("/api/v1/assets/" + fixtures.assetInService() + "/seats").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get(POOLS).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"IT_STAFF", "VERIFIER", "COMPLIANCE", "VENDOR"})
    void letsOnlyAssetManagersAndAdministratorsManagePools(Role role) {
        String id = existingPool(LicenseMetric.PER_USER, 1);
        ApiClient client = as(role);

        assertThat(client.post(POOLS, pool("Refused", "PER_USER", 1, "")).status()).isEqualTo(403);
        assertThat(client.put(POOLS + "/" + id, pool("Refused", "PER_USER", 1, ", \"version\": 0")).status())
                .isEqualTo(403);
        assertThat(pools.get(UUID.fromString(id)).pool().version()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VERIFIER", "COMPLIANCE", "VENDOR"})
    void letsOnlyStaffManagersAndAdministratorsAssignAndReleaseSeats(Role role) {
        String id = existingPool(LicenseMetric.PER_USER, 2);
        String seatId = staff.post(POOLS + "/" + id + "/seats", "{\"assignee\": \"carol@example.com\"}")
                .json().get("id").asText();
        ApiClient client = as(role);

        assertThat(client.post(POOLS + "/" + id + "/seats", "{\"assignee\": \"dave@example.com\"}").status())
                .isEqualTo(403);
        assertThat(client.post(POOLS + "/" + id + "/seats/" + seatId + "/release", null).status()).isEqualTo(403);
        assertThat(pools.get(UUID.fromString(id)).seatsAssigned()).isEqualTo(1);
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("type").asText()).isEqualTo("https://itadcustody.com/problems/" + type);
    }

    static void assertProblem(Response response, int status, String type, String field) {
        assertProblem(response, status, type);
        assertThat(response.json().get("errors")).as(response.text())
                .anySatisfy(error -> assertThat(error.get("field").asText()).isEqualTo(field));
    }
}
