package com.itadcustody.identity.web;

import static com.itadcustody.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.IdentityFixtures;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ApiAuthenticationTests extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    ApiTokens apiTokens;

    @Test
    void answersMissingCredentialsWithUnauthenticatedProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Basic"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://itadcustody.com/problems/unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
    }

    @Test
    void acceptsHttpBasicAndShowsTheCaller() throws Exception {
        User user = IdentityFixtures.createUser(users, Role.VERIFIER, null);

        HttpResponse<String> response = get("/api/v1/me", basic(user.username(), GOOD_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("id").asText()).isEqualTo(user.id().toString());
        assertThat(me.get("username").asText()).isEqualTo(user.username());
        assertThat(me.get("displayName").asText()).isEqualTo(user.displayName());
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("VERIFIER");
        assertThat(me.has("passwordHash")).isFalse();
    }

    @Test
    void rejectsWrongPasswordWithUnauthenticatedProblem() throws Exception {
        User user = IdentityFixtures.createUser(users, Role.IT_STAFF, null);

        HttpResponse<String> response = get("/api/v1/me", basic(user.username(), GOOD_PASSWORD + "x"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void acceptsApiToken() throws Exception {
        User user = IdentityFixtures.createUser(users, Role.COMPLIANCE, null);
        String token = apiTokens.issue(user.id(), "laptop", 7).secret();

        HttpResponse<String> response = get("/api/v1/me", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("username").asText()).isEqualTo(user.username());
    }

    @Test
    void rejectsUnknownTokenWithInvalidTokenChallenge() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "Bearer itad_" + "A".repeat(43));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void rejectsDisabledUserWhateverTheCredentials() throws Exception {
        User user = IdentityFixtures.createUser(users, Role.IT_STAFF, null);
        String token = apiTokens.issue(user.id(), "before", 7).secret();
        users.change(user.id(), new UserChange(user.displayName(), user.email(), user.roles(), null, false),
                Actor.system());

        assertThat(get("/api/v1/me", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", basic(user.username(), GOOD_PASSWORD)).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void forbidsUserAdministrationToOtherRoles(Role role) {
        ApiClient.Response response = ApiClient.withToken(port, testUsers.tokenFor(role)).get("/api/v1/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("type").asText()).isEqualTo("https://itadcustody.com/problems/forbidden");
    }

    @Test
    void showsTheVendorOfAVendorUser() {
        UUID vendorId = testUsers.vendorId("Vendor of the me endpoint");

        ApiClient.Response me = ApiClient.withToken(port, testUsers.tokenForVendor(vendorId)).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("vendorId").asText()).isEqualTo(vendorId.toString());
        assertThat(me.json().get("roles")).extracting(JsonNode::asText).containsExactly("VENDOR");
    }

    @Test
    void keepsNoSessionForApiCalls() throws Exception {
        User user = IdentityFixtures.createUser(users, Role.IT_STAFF, null);

        HttpResponse<String> response = get("/api/v1/me", basic(user.username(), GOOD_PASSWORD));

        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void leavesHealthAndApiDocsOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String authorization) {
        return BasicAuth.get(port, path, authorization);
    }

    private static String basic(String username, String password) {
        return BasicAuth.header(username, password);
    }
}
