package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.custody.internal.CustodyProofs;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.StoredCheckpoint;
import com.itadcustody.shared.Actor;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
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

    static final Tsa TSA = new Tsa();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("itad.custody.sequencer-enabled", () -> "false");
        registry.add("itad.custody.tsa-url", TSA::url);
    }

    @AfterAll
    static void stopTsa() {
        TSA.server.stop(0);
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
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(TSA.certificate));
        assertThat(token.getTimeStampInfo().getGenTime()).isNotNull();
    }

    /** A time-stamping authority with a self-signed certificate, answering RFC 3161 requests over HTTP. */
    static final class Tsa {
        final HttpServer server;
        final X509Certificate certificate;
        private final TimeStampResponseGenerator responses;
        private final AtomicLong serial = new AtomicLong();

        Tsa() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(256);
                KeyPair keys = generator.generateKeyPair();
                X500Name name = new X500Name("CN=ITAD test TSA");
                X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                        new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                        name, keys.getPublic())
                        .addExtension(Extension.extendedKeyUsage, true,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
                certificate = new JcaX509CertificateConverter().getCertificate(holder);
                TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(),
                                certificate),
                        new JcaDigestCalculatorProviderBuilder().build()
                                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
                responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/tsa", exchange -> {
                    try {
                        TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                        byte[] answer = responses.generate(request, BigInteger.valueOf(serial.incrementAndGet()),
                                new Date()).getEncoded();
                        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                        exchange.sendResponseHeaders(200, answer.length);
                        exchange.getResponseBody().write(answer);
                    } catch (Exception e) {
                        exchange.sendResponseHeaders(500, -1);
                    } finally {
                        exchange.close();
                    }
                });
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test TSA", e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
        }
    }
}
