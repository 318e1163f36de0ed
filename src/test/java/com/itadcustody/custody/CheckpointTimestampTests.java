package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.custody.internal.CustodyProofs;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.StoredCheckpoint;
import com.itadcustody.shared.Actor;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import com.itadcustody.support.TestTimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Checkpoints timestamped by a real RFC 3161 time-stamping authority (Bouncy Castle's, served over HTTP here). */
@SpringBootTest
class CheckpointTimestampTests {

    static final TestTimestampAuthority TSA = new TestTimestampAuthority();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("itad.custody.sequencer-enabled", () -> "false");
        registry.add("itad.custody.tsa-url", TSA::url);
    }

    @AfterAll
    static void stopTsa() {
        TSA.close();
    }

    @Autowired
    CustodyLog custody;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    CustodyProofs proofs;

    @Autowired
    TransactionTemplate tx;

    @Test
    void everyCheckpointCarriesATimestampTokenOverItsSignedNote() throws Exception {
        tx.executeWithoutResult(s -> custody.append(
                CustodyEvent.now(UUID.randomUUID(), null, "TIMESTAMPED", Actor.system(), Map.of())));

        sequencer.checkpointNow();
        StoredCheckpoint checkpoint = proofs.latestCheckpoint();
        TimeStampToken token = new TimeStampToken(new CMSSignedData(proofs.timestampToken(checkpoint.treeSize())));

        byte[] hash = MessageDigest.getInstance("SHA-256").digest(checkpoint.note().getBytes(StandardCharsets.UTF_8));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(hash);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(TSA.certificate()));
        assertThat(token.getTimeStampInfo().getGenTime()).isNotNull();
    }
}
