package com.itadcustody.certificate.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.shared.DataSettings;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Loading, generating, checking and registering the certificate signing keys. */
class SigningKeysTests extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    final ApplicationContextRunner startup = new ApplicationContextRunner()
            .withUserConfiguration(SigningOnly.class);

    @Test
    void theFirstStartGeneratesALocalCaAndADocumentSigningKeyIntoTheDataDirectory() throws Exception {
        startup.withPropertyValues("itad.data-dir=" + dir, "itad.certificates.organisation=Acme Recycling GmbH")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SigningKey key = context.getBean(SigningKeys.class).current();
                    X509Certificate signing = key.certificate();
                    X509Certificate ca = key.chain()[1];

                    assertThat(key.chain()).hasSize(2);
                    assertThat(signing.getSubjectX500Principal().getName()).contains("O=Acme Recycling GmbH");
                    assertThat(signing.getPublicKey().getAlgorithm()).isEqualTo("EC");
                    assertThat(signing.getKeyUsage()).startsWith(true, true, false, false, false, false);
                    assertThat(signing.getBasicConstraints()).isEqualTo(-1);
                    assertThat(Duration.between(Instant.now(), signing.getNotAfter().toInstant()))
                            .isBetween(Duration.ofDays(700), Duration.ofDays(731));
                    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
                    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
                    assertThat(Duration.between(Instant.now(), ca.getNotAfter().toInstant()))
                            .isBetween(Duration.ofDays(3600), Duration.ofDays(3660));
                    signing.verify(ca.getPublicKey());
                    ca.verify(ca.getPublicKey());
                    assertThat(SigningKeys.parsePem(Files.readString(dir.resolve(SigningKeys.CA_FILE))))
                            .containsExactly(ca);
                    assertThat(context.getBean(SigningKeys.class).trustAnchors()).contains(ca);
                    assertThat(registeredKeyIds()).contains(key.keyId());
                });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKeys.KEYSTORE_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKeys.PASSWORD_FILE))))
                .isEqualTo("rw-------");
        assertThat(dir.resolve(SigningKeys.PASSWORD_FILE)).isNotEmptyFile();
    }

    @Test
    void laterStartsReuseTheGeneratedKey() throws Exception {
        SigningKeys first = keys(embedded());
        byte[] keystore = Files.readAllBytes(dir.resolve(SigningKeys.KEYSTORE_FILE));

        SigningKeys second = keys(embedded());

        assertThat(second.current().keyId()).isEqualTo(first.current().keyId());
        assertThat(Files.readAllBytes(dir.resolve(SigningKeys.KEYSTORE_FILE))).isEqualTo(keystore);
    }

    @Test
    void aGeneratedKeystoreWhosePasswordFileWasChangedIsRefusedAtStartup() throws Exception {
        keys(embedded());
        Files.writeString(dir.resolve(SigningKeys.PASSWORD_FILE), "not the password", StandardCharsets.UTF_8);

        startup.withPropertyValues("itad.data-dir=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("wrong password");
        });
    }

    @Test
    void aConfiguredKeystoreIsLoadedAndRegistered() {
        SigningKeys.Generated generated = TestKeystores.generate("Configured Org", Instant.now());
        Path file = TestKeystores.write(dir.resolve("org.p12"), PASSWORD, generated);

        SigningKeys keys = keys(configured(file, PASSWORD, null));

        assertThat(keys.current().certificate()).isEqualTo(generated.chain()[0]);
        assertThat(keys.current().keyId()).isEqualTo(SigningKeys.keyId(generated.chain()[0]));
        assertThat(keys.registeredKeyId(generated.chain()[0])).contains(keys.current().keyId());
        assertThat(keys.trustAnchors()).contains(generated.chain()[1]);
        assertThat(keys.trustAnchorsPem()).contains("-----BEGIN CERTIFICATE-----");
        assertThat(registeredKeyIds()).contains(keys.current().keyId());
        assertThat(dir.resolve(SigningKeys.KEYSTORE_FILE)).doesNotExist();
        assertThat(keys.current().toString()).doesNotContain("privateKey").contains(keys.current().keyId());
    }

    @Test
    void aWrongKeystorePasswordIsAClearStartupError() {
        Path file = TestKeystores.write(dir.resolve("org.p12"), PASSWORD,
                TestKeystores.generate("Org", Instant.now()));

        startup.withPropertyValues("itad.data-dir=" + dir, "itad.certificates.keystore=" + file,
                "itad.certificates.keystore-password=guess").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining(file.toString())
                            .hasMessageContaining("wrong password (ITAD_CERT_KEYSTORE_PASSWORD)");
                });
    }

    @Test
    void aMissingKeystoreFileIsRefused() {
        assertThatThrownBy(() -> keys(configured(dir.resolve("nowhere.p12"), PASSWORD, null)))
                .hasMessageContaining("nowhere.p12 does not exist");
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsRefused() {
        SigningKeys.Generated generated = TestKeystores.generate("Org", Instant.now());
        Path file = TestKeystores.write(dir.resolve("certs.p12"), PASSWORD,
                store -> store.setCertificateEntry("ca", generated.chain()[1]));

        assertThatThrownBy(() -> keys(configured(file, PASSWORD, null))).hasMessageContaining("holds no private key");
    }

    @Test
    void anExpiredSigningCertificateIsRefused() {
        Path file = TestKeystores.write(dir.resolve("old.p12"), PASSWORD,
                TestKeystores.generate("Org", Instant.now().minus(Duration.ofDays(800))));

        assertThatThrownBy(() -> keys(configured(file, PASSWORD, null))).hasMessageContaining("expired on");
    }

    @Test
    void aSigningCertificateWithoutItsChainIsRefused() {
        SigningKeys.Generated generated = TestKeystores.generate("Org", Instant.now());
        Path file = TestKeystores.write(dir.resolve("leaf.p12"), PASSWORD, store -> store.setKeyEntry("signing",
                generated.signingKey(), PASSWORD.toCharArray(), TestKeystores.leafOnly(generated)));

        assertThatThrownBy(() -> keys(configured(file, PASSWORD, null)))
                .hasMessageContaining("certificate chain is missing");
    }

    @Test
    void aKeystoreWithSeveralKeysNeedsAnAliasAndSignsWithTheOneNamed() {
        SigningKeys.Generated one = TestKeystores.generate("One", Instant.now());
        SigningKeys.Generated two = TestKeystores.generate("Two", Instant.now());
        Path file = TestKeystores.write(dir.resolve("two.p12"), PASSWORD, store -> {
            store.setKeyEntry("one", one.signingKey(), PASSWORD.toCharArray(), one.chain());
            store.setKeyEntry("two", two.signingKey(), PASSWORD.toCharArray(), two.chain());
        });

        assertThatThrownBy(() -> keys(configured(file, PASSWORD, null))).hasMessageContaining("ITAD_CERT_KEY_ALIAS");
        assertThat(keys(configured(file, PASSWORD, "two")).current().certificate()).isEqualTo(two.chain()[0]);
        assertThatThrownBy(() -> keys(configured(file, PASSWORD, "three"))).hasMessageContaining("'three'");
    }

    @Test
    void documentsSignedBeforeAKeyRotationStillVerifyAsOurs() {
        Path first = TestKeystores.write(dir.resolve("2025.p12"), PASSWORD,
                TestKeystores.generate("Rotating Org", Instant.now()));
        Path second = TestKeystores.write(dir.resolve("2026.p12"), PASSWORD,
                TestKeystores.generate("Rotating Org", Instant.now()));
        SigningKeys before = keys(configured(first, PASSWORD, null));
        SignedPdf old = new DocumentSigner(before, configured(first, PASSWORD, null))
                .sign(TestPdfs.pdfA3b(), "before rotation", "test");

        SigningKeys after = keys(configured(second, PASSWORD, null));
        SignedPdf fresh = new DocumentSigner(after, configured(second, PASSWORD, null))
                .sign(TestPdfs.pdfA3b(), "after rotation", "test");
        SignatureInspector inspector = new SignatureInspector(after);

        SignatureReport oldReport = inspector.inspect(old.pdf());
        SignatureReport freshReport = inspector.inspect(fresh.pdf());
        assertThat(oldReport.problems()).isEmpty();
        assertThat(oldReport.signerKeyId()).isEqualTo(before.current().keyId()).isEqualTo(old.keyId());
        assertThat(oldReport.chainTrusted()).isTrue();
        assertThat(freshReport.problems()).isEmpty();
        assertThat(freshReport.signerKeyId()).isEqualTo(after.current().keyId()).isEqualTo(fresh.keyId());
        assertThat(old.keyId()).isNotEqualTo(fresh.keyId());
        assertThat(after.trustAnchors()).contains(before.current().chain()[1], after.current().chain()[1]);
    }

    private SigningKeys keys(CertificateSigningSettings settings) {
        return new SigningKeys(settings, new DataSettings(dir), jdbc);
    }

    private static CertificateSigningSettings embedded() {
        return new CertificateSigningSettings(null, null, null, null, null);
    }

    private static CertificateSigningSettings configured(Path keystore, String password, String alias) {
        return new CertificateSigningSettings(keystore.toString(), password, alias, null, null);
    }

    private List<String> registeredKeyIds() {
        return jdbc.sql("select key_id from certificate_signing_key").query(String.class).list();
    }

    /**
     * Just the signing keys bean with its settings, on the test database (deliberately not a {@code @Configuration},
     * which would replace the application's configuration in this {@code @SpringBootTest}).
     */
    @EnableConfigurationProperties({CertificateSigningSettings.class, DataSettings.class})
    @Import(SigningKeys.class)
    static class SigningOnly {

        @Bean
        JdbcClient jdbcClient() {
            TestDatabase db = TestDatabase.get();
            return JdbcClient.create(new DriverManagerDataSource(db.url(), db.appUser(), db.appPassword()));
        }
    }
}
