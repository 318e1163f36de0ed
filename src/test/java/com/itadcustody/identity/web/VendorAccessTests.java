package com.itadcustody.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read and register vendor organisations through {@code /api/v1/vendors}. */
class VendorAccessTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void letsAnAdministratorRegisterAVendorOnce() {
        ApiClient admin = ApiClient.withToken(port, testUsers.tokenFor(Role.ADMIN));
        String name = "Recycler " + UUID.randomUUID();

        Response created = admin.post("/api/v1/vendors", "{\"name\":\"" + name + "\"}");
        Response again = admin.post("/api/v1/vendors", "{\"name\":\"" + name + "\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(name);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asText()).isEqualTo("vendor-name-taken");
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void rejectsBlankVendorName() {
        Response response = ApiClient.withToken(port, testUsers.tokenFor(Role.ADMIN))
                .post("/api/v1/vendors", "{\"name\":\" \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "ASSET_MANAGER", "COMPLIANCE"})
    void letsManagersAndComplianceReadVendors(Role role) {
        UUID vendorId = testUsers.vendorId("Listed vendor");

        Response list = ApiClient.withToken(port, testUsers.tokenFor(role)).get("/api/v1/vendors");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id")).contains(vendorId.toString());
        JsonNode one = ApiClient.withToken(port, testUsers.tokenFor(role)).get("/api/v1/vendors/" + vendorId).json();
        assertThat(one.get("name").asText()).isEqualTo("Listed vendor");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VERIFIER"})
    void forbidsOtherRolesToReadVendors(Role role) {
        Response list = ApiClient.withToken(port, testUsers.tokenFor(role)).get("/api/v1/vendors");

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.isProblem()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void forbidsVendorRegistrationToOtherRoles(Role role) {
        Response response = ApiClient.withToken(port, testUsers.tokenFor(role))
                .post("/api/v1/vendors", "{\"name\":\"Not allowed " + UUID.randomUUID() + "\"}");

        assertThat(response.status()).isEqualTo(403);
    }
}
