package com.itadcustody.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.IdentityFixtures;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApiTokenTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    JdbcClient jdbc;

    User owner;
    ApiClient ownerClient;

    @BeforeEach
    void createOwner() {
        owner = IdentityFixtures.createUser(users, Role.IT_STAFF, null);
        ownerClient = ApiClient.withToken(port, apiTokens.issue(owner.id(), "setup", 1).secret());
    }

    @Test
    void showsANewTokenOnceAndListsItWithoutTheSecret() {
        Response issued = ownerClient.post("/api/v1/me/tokens", "{\"name\":\"ci pipeline\",\"expiresInDays\":30}");

        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        assertThat(token).startsWith("itad_").hasSizeGreaterThanOrEqualTo(45).matches("itad_[A-Za-z0-9_-]+");
        assertThat(token).startsWith(issued.json().get("prefix").asText());
        Instant expires = Instant.parse(issued.json().get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        Response list = ownerClient.get("/api/v1/me/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain(token);
        JsonNode listed = find(list.json(), issued.json().get("id").asText());
        assertThat(listed.get("name").asText()).isEqualTo("ci pipeline");
        assertThat(listed.has("token")).isFalse();
        assertThat(ApiClient.withToken(port, token).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void givesTokensNinetyDaysWhenNoLifetimeIsAskedFor() {
        Response issued = ownerClient.post("/api/v1/me/tokens", "{\"name\":\"default lifetime\"}");

        Instant expires = Instant.parse(issued.json().get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
    }

    @Test
    void storesOnlyTheSha256OfTheToken() throws Exception {
        Response issued = ownerClient.post("/api/v1/me/tokens", "{\"name\":\"hashed\"}");
        String token = issued.json().get("token").asText();

        Map<String, Object> row = jdbc.sql("select * from api_token where id = ?::uuid")
                .param(issued.json().get("id").asText()).query().singleRow();

        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        assertThat(row.get("token_hash")).isEqualTo(sha256).isNotEqualTo(token);
        assertThat(row.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains(token));
        assertThat((String) row.get("token_prefix")).hasSizeLessThan(16);
    }

    @Test
    void revokesOwnTokenWhichThenStopsWorking() {
        Response issued = ownerClient.post("/api/v1/me/tokens", "{\"name\":\"to revoke\"}");
        ApiClient revokedClient = ApiClient.withToken(port, issued.json().get("token").asText());
        assertThat(revokedClient.get("/api/v1/me").status()).isEqualTo(200);

        Response revoke = ownerClient.delete("/api/v1/me/tokens/" + issued.json().get("id").asText());

        assertThat(revoke.status()).isEqualTo(204);
        Response refused = revokedClient.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        JsonNode listed = find(ownerClient.get("/api/v1/me/tokens").json(), issued.json().get("id").asText());
        assertThat(listed.get("revokedAt").asText()).isNotBlank();
    }

    @Test
    void answersNotFoundForSomeoneElsesToken() {
        User other = IdentityFixtures.createUser(users, Role.COMPLIANCE, null);
        var othersToken = apiTokens.issue(other.id(), "not yours", 1);

        Response response = ownerClient.delete("/api/v1/me/tokens/" + othersToken.token().id());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(ApiClient.withToken(port, othersToken.secret()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void listsOnlyTheCallersTokens() {
        User other = IdentityFixtures.createUser(users, Role.COMPLIANCE, null);
        var othersToken = apiTokens.issue(other.id(), "someone else's", 1);

        Response list = ownerClient.get("/api/v1/me/tokens");

        assertThat(list.text()).doesNotContain(othersToken.token().id().toString());
    }

    @Test
    void rejectsExpiredToken() {
        var token = apiTokens.issue(owner.id(), "short-lived", 1);
        ApiClient client = ApiClient.withToken(port, token.secret());
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);

        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = ?")
                .param(token.token().id()).update();

        Response refused = client.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void rejectsLifetimeOutOfRange() {
        Response tooLong = ownerClient.post("/api/v1/me/tokens", "{\"name\":\"forever\",\"expiresInDays\":10000}");
        Response missingName = ownerClient.post("/api/v1/me/tokens", "{\"expiresInDays\":10}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("expiresInDays");
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void notesWhenATokenWasLastUsed() {
        var token = apiTokens.issue(owner.id(), "used", 1);

        ApiClient.withToken(port, token.secret()).get("/api/v1/me");

        List<JsonNode> listed = List.of(find(ownerClient.get("/api/v1/me/tokens").json(), token.token().id().toString()));
        assertThat(listed.get(0).get("lastUsedAt").asText()).isNotBlank();
    }

    private static JsonNode find(JsonNode tokens, String id) {
        for (JsonNode token : tokens) {
            if (token.get("id").asText().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("token " + id + " not listed in " + tokens);
    }
}
