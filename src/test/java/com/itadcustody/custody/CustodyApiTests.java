package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.custody.internal.tlog.NoteKey;
import com.itadcustody.custody.internal.tlog.TlogProof;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class CustodyApiTests extends IntegrationTest {

    static final String ORIGIN = "localhost/itad-custody";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    ApiClient compliance;
    String assetId;

    @BeforeEach
    void anAssetWithHistory() {
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        compliance = ApiClient.withToken(port, users.tokenFor(Role.COMPLIANCE));
        Response created = staff.post("/api/v1/assets",
                "{\"tag\":\"CUST-" + System.nanoTime() + "\",\"type\":\"LAPTOP\"}");
        assetId = created.json().get("id").asText();
        ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER)).post("/api/v1/assets/" + assetId + "/archive",
                "{\"reason\":\"test\"}");
    }

    @Test
    void anAssetsChainComesWithInclusionProofsThatVerifyAgainstTheSignedCheckpoint() {
        JsonNode chain = await().atMost(Duration.ofSeconds(30)).until(
                () -> compliance.get("/api/v1/custody/assets/" + assetId + "/chain"),
                r -> r.status() == 200 && r.json().get("links").size() == 2).json();
        List<NoteKey> keys = keys();
        Checkpoint checkpoint = Checkpoint.open(chain.get("checkpoint").asText(), ORIGIN, keys);

        assertThat(chain.get("links")).hasSize(2);
        for (JsonNode link : chain.get("links")) {
            byte[] envelope = link.get("envelope").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] leaf = Merkle.leafHash(envelope);
            assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(link.get("leafHash").asText());
            List<byte[]> proof = new ArrayList<>();
            link.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
            Merkle.verifyInclusion(link.get("seq").asLong(), checkpoint.size(), leaf, proof, checkpoint.rootHash());
        }
        assertThat(chain.get("links").get(1).get("envelope").asText()).contains("\"type\":\"ASSET_STATUS_CHANGED\"");
    }

    @Test
    void servesAnInclusionProofAsJsonAndAsTlogProofText() {
        JsonNode chain = await().atMost(Duration.ofSeconds(30)).until(
                () -> compliance.get("/api/v1/custody/assets/" + assetId + "/chain"), r -> r.status() == 200).json();
        long seq = chain.get("links").get(0).get("seq").asLong();
        String eventId = chain.get("links").get(0).get("eventId").asText();
        byte[] leaf = HexFormat.of().parseHex(chain.get("links").get(0).get("leafHash").asText());

        Response json = compliance.get("/api/v1/custody/entries/" + seq + "/proof");
        Response text = compliance.get("/api/v1/custody/events/" + eventId + "/tlog-proof");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("eventId").asText()).isEqualTo(eventId);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.text()).startsWith(TlogProof.HEADER + "\n");
        Checkpoint verified = TlogProof.verify(leaf, text.text(), keys(), ORIGIN);
        assertThat(verified.size()).isGreaterThan(seq);
    }

    @Test
    void servesConsistencyProofsBetweenTreeSizes() {
        JsonNode checkpoint = compliance.post("/api/v1/custody/checkpoints", null).json();
        long size = checkpoint.get("treeSize").asLong();

        JsonNode proof = compliance.get("/api/v1/custody/consistency?from=1&to=" + size).json();
        List<byte[]> hashes = new ArrayList<>();
        proof.get("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));

        Merkle.verifyConsistency(1, size, hashes, Base64.getDecoder().decode(proof.get("fromRoot").asText()),
                Base64.getDecoder().decode(checkpoint.get("rootHash").asText()));
        assertThat(compliance.get("/api/v1/custody/consistency?from=0&to=1").status()).isEqualTo(400);
        assertThat(compliance.get("/api/v1/custody/consistency?from=1&to=" + (size + 1_000_000)).status())
                .isEqualTo(400);
    }

    @Test
    void publishesTheLatestCheckpointAndKeysWithoutLogin() {
        compliance.post("/api/v1/custody/checkpoints", null);
        ApiClient anyone = ApiClient.anonymous(port);

        Response note = anyone.get("/api/v1/public/custody/checkpoint");
        Response keys = anyone.get("/api/v1/public/custody/keys");

        assertThat(note.status()).isEqualTo(200);
        assertThat(keys.status()).isEqualTo(200);
        Checkpoint checkpoint = Checkpoint.open(note.text(), ORIGIN, keys());
        assertThat(checkpoint.size()).isPositive();
    }

    @Test
    void runsAFullAuditInTheBackgroundAndReportsIt() {
        Response started = compliance.post("/api/v1/custody/audits", null);
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("id").asText();

        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> compliance.get("/api/v1/custody/audits/" + id).json(), s -> s.hasNonNull("report"));

        assertThat(done.get("report").get("ok").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.get("report").get("entries").asLong()).isPositive();
    }

    @Test
    void exportsAZipTheOfflineVerifierAccepts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        compliance.post("/api/v1/custody/checkpoints", null);
        Response export = compliance.get("/api/v1/custody/export");
        java.nio.file.Path zip = dir.resolve("log.zip");
        java.nio.file.Files.write(zip, export.body());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/zip");
        assertThat(com.itadcustody.custody.internal.OfflineLogVerifier.verify(zip, null).ok()).isTrue();
        assertThat(compliance.get("/api/v1/custody/export?from=5&to=1").status()).isEqualTo(400);
    }

    private List<NoteKey> keys() {
        return ApiClient.anonymous(port).get("/api/v1/public/custody/keys").text().lines()
                .filter(l -> !l.isBlank()).map(NoteKey::parse).toList();
    }
}
