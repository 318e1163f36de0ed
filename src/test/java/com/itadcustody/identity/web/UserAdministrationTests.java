package com.itadcustody.identity.web;

import static com.itadcustody.identity.IdentityFixtures.GOOD_PASSWORD;
import static com.itadcustody.identity.IdentityFixtures.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class UserAdministrationTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiClient.withToken(port, testUsers.tokenFor(Role.ADMIN));
    }

    @Test
    void createsAUserAndReadsItBackWithoutPasswordHash() {
        String username = uniqueUsername("alice");

        Response created = admin.post("/api/v1/users", newUser(username, "alice@example.org", "[\"IT_STAFF\"]", null));

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("username").asText()).isEqualTo(username);
        assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("IT_STAFF");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain("password").doesNotContain("$2a$");
        Response read = admin.get("/api/v1/users/" + user.get("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("email").asText()).isEqualTo("alice@example.org");
        assertThat(read.text()).doesNotContain("password");
    }

    @Test
    void storesThePasswordAsBcryptHash() {
        String username = uniqueUsername("bob");
        admin.post("/api/v1/users", newUser(username, "bob@example.org", "[\"VERIFIER\"]", null));

        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(username)
                .query(String.class).single();

        assertThat(hash).matches("^\\$2[ab]\\$.{56}$").doesNotContain(GOOD_PASSWORD);
    }

    @Test
    void rejectsMissingFieldsNamingEachOfThem() {
        Response response = admin.post("/api/v1/users", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response)).contains("username", "displayName", "email", "password", "roles");
    }

    @Test
    void rejectsMalformedEmail() {
        Response response = admin.post("/api/v1/users",
                newUser(uniqueUsername("carol"), "not-an-email", "[\"IT_STAFF\"]", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("email");
    }

    @Test
    void rejectsUsernameOutsideTheAllowedCharacters() {
        Response response = admin.post("/api/v1/users", newUser("Carol Smith", "carol@example.org",
                "[\"IT_STAFF\"]", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("username");
    }

    @Test
    void rejectsUnknownRole() {
        Response response = admin.post("/api/v1/users",
                newUser(uniqueUsername("dave"), "dave@example.org", "[\"SUPERUSER\"]", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response)).singleElement().asString().startsWith("roles");
        assertThat(response.text()).contains("ADMIN");
    }

    @Test
    void rejectsDuplicateUsernameWithConflict() {
        String username = uniqueUsername("erin");
        assertThat(admin.post("/api/v1/users", newUser(username, "erin@example.org", "[\"IT_STAFF\"]", null))
                .status()).isEqualTo(201);

        Response again = admin.post("/api/v1/users", newUser(username, "erin2@example.org", "[\"IT_STAFF\"]", null));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asText()).isEqualTo("username-taken");
        assertThat(fields(again)).containsExactly("username");
    }

    @Test
    void rejectsVendorRoleWithoutVendor() {
        Response response = admin.post("/api/v1/users",
                newUser(uniqueUsername("frank"), "frank@example.org", "[\"VENDOR\"]", null));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("vendor-required");
        assertThat(fields(response)).containsExactly("vendorId");
    }

    @Test
    void rejectsVendorRoleTogetherWithAnotherRole() {
        UUID vendorId = testUsers.vendorId("Vendor of the admin tests");

        Response response = admin.post("/api/v1/users", newUser(uniqueUsername("grace"), "grace@example.org",
                "[\"VENDOR\",\"IT_STAFF\"]", vendorId));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("vendor-role-alone");
        assertThat(fields(response)).containsExactly("roles");
    }

    @Test
    void rejectsVendorForAUserWithoutVendorRole() {
        UUID vendorId = testUsers.vendorId("Vendor of the admin tests");

        Response response = admin.post("/api/v1/users", newUser(uniqueUsername("heidi"), "heidi@example.org",
                "[\"COMPLIANCE\"]", vendorId));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("vendor-only-for-vendor-role");
    }

    @Test
    void rejectsUnknownVendor() {
        Response response = admin.post("/api/v1/users", newUser(uniqueUsername("ivan"), "ivan@example.org",
                "[\"VENDOR\"]", UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("unknown-vendor");
        assertThat(fields(response)).containsExactly("vendorId");
    }

    @Test
    void createsAVendorUserBoundToItsVendor() {
        UUID vendorId = testUsers.vendorId("Vendor of the admin tests");

        Response created = admin.post("/api/v1/users", newUser(uniqueUsername("judy"), "judy@example.org",
                "[\"VENDOR\"]", vendorId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("vendorId").asText()).isEqualTo(vendorId.toString());
    }

    @Test
    void rejectsShortPassword() {
        Response response = admin.post("/api/v1/users", """
                {"username":"%s","displayName":"Ken","email":"ken@example.org","password":"short","roles":["IT_STAFF"]}
                """.formatted(uniqueUsername("ken")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("password-too-short");
        assertThat(fields(response)).containsExactly("password");
    }

    @Test
    void changesRolesAndDisablesAUser() {
        String username = uniqueUsername("leo");
        String id = admin.post("/api/v1/users", newUser(username, "leo@example.org", "[\"IT_STAFF\"]", null))
                .json().get("id").asText();

        Response changed = admin.put("/api/v1/users/" + id, """
                {"displayName":"Leo Changed","email":"leo@example.net","roles":["ASSET_MANAGER","COMPLIANCE"],
                 "enabled":false}""");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("displayName").asText()).isEqualTo("Leo Changed");
        assertThat(changed.json().get("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ASSET_MANAGER", "COMPLIANCE");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(meStatusWithBasic(username, GOOD_PASSWORD)).isEqualTo(401);
    }

    @Test
    void rejectsChangeWithoutEnabledFlag() {
        String id = admin.post("/api/v1/users",
                newUser(uniqueUsername("mia"), "mia@example.org", "[\"IT_STAFF\"]", null)).json().get("id").asText();

        Response response = admin.put("/api/v1/users/" + id,
                "{\"displayName\":\"Mia\",\"email\":\"mia@example.org\",\"roles\":[\"IT_STAFF\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("enabled");
    }

    @Test
    void setsANewPassword() {
        String username = uniqueUsername("nina");
        String id = admin.post("/api/v1/users", newUser(username, "nina@example.org", "[\"IT_STAFF\"]", null))
                .json().get("id").asText();

        Response response = admin.post("/api/v1/users/" + id + "/password", "{\"password\":\"a brand new passphrase\"}");

        assertThat(response.status()).isEqualTo(204);
        assertThat(meStatusWithBasic(username, GOOD_PASSWORD)).isEqualTo(401);
        assertThat(meStatusWithBasic(username, "a brand new passphrase")).isEqualTo(200);
    }

    @Test
    void answersNotFoundForUnknownUser() {
        Response response = admin.get("/api/v1/users/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void listsUsersPageByPage() {
        for (int i = 0; i < 3; i++) {
            admin.post("/api/v1/users", newUser(uniqueUsername("page"), "page@example.org", "[\"IT_STAFF\"]", null));
        }

        Response page = admin.get("/api/v1/users?page=1&size=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content")).hasSize(2);
        assertThat(page.json().get("page").asInt()).isEqualTo(1);
        assertThat(page.json().get("size").asInt()).isEqualTo(2);
        assertThat(page.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(page.text()).doesNotContain("password");
    }

    @Test
    void rejectsPageSizeOutOfRange() {
        Response response = admin.get("/api/v1/users?size=1000");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("size");
    }

    private int meStatusWithBasic(String username, String password) {
        return BasicAuth.get(port, "/api/v1/me", username, password).statusCode();
    }

    private static String newUser(String username, String email, String roles, UUID vendorId) {
        return """
                {"username":"%s","displayName":"Test %s","email":"%s","password":"%s","roles":%s%s}
                """.formatted(username, username, email, GOOD_PASSWORD, roles,
                vendorId == null ? "" : ",\"vendorId\":\"" + vendorId + "\"");
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
