package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.custody.CustodyEvidence.Evidence;
import com.itadcustody.custody.CustodyEvidence.ProofCheck;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class CustodyEvidenceTests extends IntegrationTest {

    @Autowired
    CustodyLog custody;

    @Autowired
    CustodyEvidence evidence;

    @Autowired
    TransactionTemplate tx;

    final Actor actor = new Actor(UUID.randomUUID(), "verifier", Set.of(Role.VERIFIER), null);

    @Test
    void evidenceOfACommittedEventIsAProofAgainstASignedCheckpointThatVerifies() {
        UUID asset = UUID.randomUUID();
        UUID first = append(asset, "FIRST");
        UUID second = append(asset, "SECOND");

        Evidence proof = evidence.of(first, Duration.ofSeconds(10));

        assertThat(proof.eventId()).isEqualTo(first);
        assertThat(proof.assetId()).isEqualTo(asset);
        assertThat(proof.treeSize()).isGreaterThan(proof.seq());
        assertThat(proof.tlogProof()).startsWith("c2sp.org/tlog-proof@v1\n").contains("index " + proof.seq());
        assertThat(proof.checkpoint()).startsWith("localhost/itad-custody\n");
        assertThat(proof.assetChainHead()).isEqualTo(evidence.of(second, Duration.ofSeconds(10)).leafHash());
        assertThat(evidence.verify(proof.leafHash(), proof.seq(), proof.tlogProof())).isEqualTo(
                new ProofCheck(true, null));
    }

    @Test
    void aProofForAnotherLeafOrPositionOrWithAForgedCheckpointDoesNotVerify() {
        Evidence proof = evidence.of(append(UUID.randomUUID(), "PROVED"), Duration.ofSeconds(10));
        String otherLeaf = HexFormat.of().formatHex(Merkle.leafHash("other".getBytes(StandardCharsets.UTF_8)));
        String forged = forgeSignature(proof.tlogProof());

        assertThat(evidence.verify(otherLeaf, proof.seq(), proof.tlogProof()).valid()).isFalse();
        assertThat(evidence.verify(proof.leafHash(), proof.seq() + 1, proof.tlogProof()).reason())
                .contains("is for log entry " + proof.seq());
        assertThat(evidence.verify(proof.leafHash(), proof.seq(), forged).reason())
                .contains("does not verify against this log's keys");
        assertThat(evidence.verify("not hex", proof.seq(), proof.tlogProof()).reason()).contains("hexadecimal");
        assertThat(evidence.verify(proof.leafHash(), proof.seq(), "garbage").reason()).contains("tlog-proof");
        assertThat(evidence.verify(proof.leafHash(), proof.seq(), null).valid()).isFalse();
    }

    /** Flips one bit of the signature (after the 4-byte key hash) on the checkpoint's signature line. */
    static String forgeSignature(String tlogProof) {
        StringBuilder out = new StringBuilder();
        for (String line : tlogProof.split("\n", -1)) {
            if (line.startsWith("\u2014 ")) {
                int space = line.lastIndexOf(' ');
                byte[] sig = Base64.getDecoder().decode(line.substring(space + 1));
                sig[10] ^= 1;
                line = line.substring(0, space + 1) + Base64.getEncoder().encodeToString(sig);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private UUID append(UUID asset, String type) {
        return tx.execute(status -> custody.append(CustodyEvent.now(asset, "SN-E", type, actor, Map.of())));
    }
}
