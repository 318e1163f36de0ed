package com.itadcustody.certificate.internal.signing;

import com.itadcustody.shared.DataSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys certificates are signed with: the configured PKCS#12 keystore, or in the embedded default a local root
 * CA and document-signing key generated on first start into the data directory ({@value #KEYSTORE_FILE}, its
 * password in {@value #PASSWORD_FILE}, the CA certificate in {@value #CA_FILE}). Every signing certificate ever used
 * is registered in {@code certificate_signing_key}, whose rows never change, so documents signed before a key
 * rotation still verify as ours.
 */
@Component
public class SigningKeys {

    /** The generated keystore's file name in the data directory. */
    public static final String KEYSTORE_FILE = "certificate-signing.p12";
    /** The file holding the generated keystore's password, readable by the owner only. */
    public static final String PASSWORD_FILE = "certificate-signing.password";
    /** The generated root CA certificate (PEM), for verifiers to trust. */
    public static final String CA_FILE = "certificate-ca.pem";

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String GENERATED_ALIAS = "certificate-signing";
    private static final Duration CA_VALIDITY = Duration.ofDays(3653);
    private static final Duration SIGNING_VALIDITY = Duration.ofDays(730);

    private final JdbcClient jdbc;
    /** The generated keystore and its files when the embedded default is in use; null with a configured keystore. */
    private final Embedded embedded;
    private volatile SigningKey current;
    /** Parsed rows of {@code certificate_signing_key} by key id; rows never change, so they can be kept. */
    private final Map<String, List<X509Certificate>> registered = new ConcurrentHashMap<>();

    SigningKeys(CertificateSigningSettings settings, DataSettings data, JdbcClient jdbc) {
        this.jdbc = jdbc;
        Path keystore;
        char[] password;
        String alias;
        Embedded generated = null;
        if (settings.keystorePath().isPresent()) {
            keystore = settings.keystorePath().get().toAbsolutePath().normalize();
            if (settings.keystorePassword() == null) {
                throw new IllegalStateException("Certificate signing keystore " + keystore
                        + " is configured (ITAD_CERT_KEYSTORE) but its password is not (ITAD_CERT_KEYSTORE_PASSWORD)");
            }
            password = settings.keystorePassword().toCharArray();
            alias = settings.keyAlias();
        } else {
            keystore = data.resolve(KEYSTORE_FILE);
            password = embeddedDefault(keystore, data.resolve(PASSWORD_FILE), data.resolve(CA_FILE),
                    settings.organisation());
            alias = null;
            generated = new Embedded(keystore, data.resolve(PASSWORD_FILE), data.resolve(CA_FILE),
                    settings.organisation());
        }
        this.embedded = generated;
        this.current = load(keystore, password, alias, Instant.now());
        Arrays.fill(password, '\0');
        register(current);
    }

    /** The key and certificate chain new certificates are signed with. */
    public SigningKey current() {
        return current;
    }

    /** Whether the keys are the generated embedded default, which {@link #rotate()} can replace. */
    public boolean rotatable() {
        return embedded != null;
    }

    /**
     * Replaces the generated CA and signing key with new ones (ECDSA P-256): the new keystore is written to the data
     * directory, the new signing certificate registered, the CA file rewritten with every trust anchor (old and new),
     * and new certificates are signed with the new key from now on. Documents signed before still verify: the old
     * certificate stays registered. Refused for a configured keystore (rotate it there).
     *
     * @return the new key
     */
    public synchronized SigningKey rotate() {
        if (embedded == null) {
            throw new IllegalStateException("the certificate signing keystore comes from configuration");
        }
        try {
            char[] password = Files.readString(embedded.passwordFile(), StandardCharsets.UTF_8).strip().toCharArray();
            Generated generated = generate(embedded.organisation(), Instant.now());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(GENERATED_ALIAS, generated.signingKey(), password, generated.chain());
            SigningKey next = new SigningKey(keyId(generated.chain()[0]), generated.signingKey(), generated.chain());
            register(next);
            try (var bytes = new java.io.ByteArrayOutputStream()) {
                store.store(bytes, password);
                writeOwnerOnly(embedded.keystore(), bytes.toByteArray());
            }
            Arrays.fill(password, '\0');
            this.current = next;
            Files.writeString(embedded.caFile(), trustAnchorsPem(), StandardCharsets.US_ASCII);
            log.info("Certificate signing key rotated: new key {} ({}); verifiers trust the CAs in {}", next.keyId(),
                    next.certificate().getSubjectX500Principal().getName(), embedded.caFile());
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the new certificate signing keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate the new certificate signing keys", e);
        }
    }

    /**
     * A registered signing certificate as administrators see it.
     *
     * @param keyId the SHA-256 of the certificate (DER), lower-case hex: its fingerprint
     * @param subject the certificate's subject
     * @param issuer its issuer
     * @param algorithm the key's algorithm and size, e.g. {@code EC P-256}
     * @param notBefore first valid instant
     * @param notAfter last valid instant
     * @param registeredAt when it was registered
     */
    public record Registered(String keyId, String subject, String issuer, String algorithm, Instant notBefore,
            Instant notAfter, Instant registeredAt) {
    }

    /** Every registered signing certificate, newest registration first. */
    public List<Registered> registeredKeys() {
        refresh();
        return jdbc.sql("select key_id, subject, not_before, not_after, registered_at from certificate_signing_key"
                        + " order by registered_at desc, key_id")
                .query((rs, n) -> {
                    String id = rs.getString("key_id");
                    List<X509Certificate> chain = registered.get(id);
                    X509Certificate certificate = chain == null || chain.isEmpty() ? null : chain.get(0);
                    return new Registered(id, rs.getString("subject"),
                            certificate == null ? "" : certificate.getIssuerX500Principal().getName(),
                            certificate == null ? "" : algorithm(certificate.getPublicKey()),
                            rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
                            rs.getTimestamp("registered_at").toInstant());
                })
                .list();
    }

    private static String algorithm(PublicKey key) {
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            return "EC P-" + ec.getParams().getOrder().bitLength();
        }
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        return key.getAlgorithm();
    }

    /** Where the generated keystore lives. */
    private record Embedded(Path keystore, Path passwordFile, Path caFile, String organisation) {
    }

    /**
     * The root CA certificates of every signing key ever registered (also those rotated out), without duplicates:
     * a signature whose certificate chains to one of them is ours.
     */
    public List<X509Certificate> trustAnchors() {
        Map<String, X509Certificate> roots = new LinkedHashMap<>();
        for (List<X509Certificate> chain : registeredChains()) {
            X509Certificate root = chain.get(chain.size() - 1);
            roots.putIfAbsent(keyId(root), root);
        }
        return List.copyOf(roots.values());
    }

    /** The trust anchors as PEM text, for verifiers to download and trust. */
    public String trustAnchorsPem() {
        return pem(trustAnchors());
    }

    /** The key id under which {@code signer} is registered as one of our signing certificates, if it is. */
    public Optional<String> registeredKeyId(X509Certificate signer) {
        String keyId = keyId(signer);
        if (registered.containsKey(keyId)) {
            return Optional.of(keyId);
        }
        refresh();
        return registered.containsKey(keyId) ? Optional.of(keyId) : Optional.empty();
    }

    /** Every registered signing certificate's chain, the signing certificate first and the root CA last. */
    List<List<X509Certificate>> registeredChains() {
        refresh();
        return List.copyOf(registered.values());
    }

    /** The lower-case hex SHA-256 of a certificate's DER encoding: how signing keys are identified. */
    public static String keyId(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** PEM text of certificates, one block each. */
    static String pem(List<X509Certificate> certificates) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
        return text.toString();
    }

    /** Certificates from PEM text (any number of blocks). */
    static List<X509Certificate> parsePem(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalStateException("unreadable certificate PEM", e);
        }
    }

    private void refresh() {
        jdbc.sql("select key_id, certificate_pem, chain_pem from certificate_signing_key")
                .query((rs, n) -> {
                    String keyId = rs.getString("key_id");
                    if (!registered.containsKey(keyId)) {
                        List<X509Certificate> chain = new ArrayList<>(parsePem(rs.getString("certificate_pem")));
                        chain.addAll(parsePem(rs.getString("chain_pem")));
                        registered.put(keyId, List.copyOf(chain));
                    }
                    return keyId;
                })
                .list();
    }

    private void register(SigningKey key) {
        X509Certificate certificate = key.certificate();
        X509Certificate[] chain = key.chain();
        int added = jdbc.sql("""
                insert into certificate_signing_key (key_id, subject, certificate_pem, chain_pem, not_before, not_after)
                values (:id, :subject, :certificate, :chain, :notBefore, :notAfter)
                on conflict (key_id) do nothing""")
                .param("id", key.keyId())
                .param("subject", certificate.getSubjectX500Principal().getName())
                .param("certificate", pem(List.of(certificate)))
                .param("chain", pem(Arrays.asList(chain).subList(1, chain.length)))
                .param("notBefore", OffsetDateTime.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC))
                .param("notAfter", OffsetDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC))
                .update();
        registered.put(key.keyId(), List.of(chain));
        if (added == 1) {
            log.info("Certificate signing key registered: {} ({}, valid until {})", key.keyId(),
                    certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant());
        }
    }

    /**
     * Loads and checks the signing key: refuses, with a message an operator can act on, a missing or unreadable
     * keystore, a wrong password, a keystore without (or with several) private keys, an expired certificate and an
     * incomplete chain.
     */
    static SigningKey load(Path keystore, char[] password, String alias, Instant now) {
        String where = "Certificate signing keystore " + keystore;
        if (!Files.isRegularFile(keystore)) {
            throw new IllegalStateException(where + " does not exist (ITAD_CERT_KEYSTORE)");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException(where + ": wrong password (ITAD_CERT_KEYSTORE_PASSWORD)");
            }
            throw new IllegalStateException(where + " is not a readable PKCS#12 keystore: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(where + " is not a readable PKCS#12 keystore: " + e.getMessage(), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            String chosen;
            if (alias != null) {
                if (!store.isKeyEntry(alias)) {
                    throw new IllegalStateException(where + " has no private key under the alias '" + alias
                            + "' (ITAD_CERT_KEY_ALIAS); its private keys: " + keyAliases);
                }
                chosen = alias;
            } else if (keyAliases.isEmpty()) {
                throw new IllegalStateException(where + " holds no private key, only certificates");
            } else if (keyAliases.size() > 1) {
                throw new IllegalStateException(where + " holds several private keys " + keyAliases
                        + "; choose one with ITAD_CERT_KEY_ALIAS");
            } else {
                chosen = keyAliases.get(0);
            }
            PrivateKey privateKey;
            try {
                privateKey = (PrivateKey) store.getKey(chosen, password);
            } catch (UnrecoverableKeyException e) {
                throw new IllegalStateException(where + ": the private key '" + chosen
                        + "' has a password other than the keystore's");
            }
            if (privateKey == null) {
                throw new IllegalStateException(where + " holds no private key under '" + chosen + "'");
            }
            Certificate[] stored = store.getCertificateChain(chosen);
            X509Certificate[] chain = checkedChain(where, stored, privateKey, now);
            return new SigningKey(keyId(chain[0]), privateKey, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(where + " could not be read: " + e.getMessage(), e);
        }
    }

    private static X509Certificate[] checkedChain(String where, Certificate[] stored, PrivateKey key, Instant now)
            throws GeneralSecurityException {
        if (stored == null || stored.length == 0) {
            throw new IllegalStateException(where + ": the private key has no certificate");
        }
        X509Certificate[] chain = new X509Certificate[stored.length];
        for (int i = 0; i < stored.length; i++) {
            if (!(stored[i] instanceof X509Certificate x509)) {
                throw new IllegalStateException(where + ": the chain holds a certificate that is not X.509");
            }
            chain[i] = x509;
        }
        X509Certificate signer = chain[0];
        String signerName = signer.getSubjectX500Principal().getName();
        if (!keyMatches(key, signer.getPublicKey())) {
            throw new IllegalStateException(where + ": the private key does not belong to the certificate "
                    + signerName);
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw new IllegalStateException(where + ": the certificate " + signerName
                    + " is not for signatures (key usage has neither digitalSignature nor nonRepudiation)");
        }
        if (chain.length == 1) {
            throw new IllegalStateException(where + ": the certificate chain is missing: the entry holds only the"
                    + " signing certificate " + signerName + "; import it with its issuing CA certificates up to"
                    + " the root");
        }
        for (int i = 0; i < chain.length - 1; i++) {
            if (!issuedBy(chain[i], chain[i + 1])) {
                throw new IllegalStateException(where + ": the certificate chain is broken: "
                        + chain[i].getSubjectX500Principal().getName() + " is not issued by "
                        + chain[i + 1].getSubjectX500Principal().getName());
            }
        }
        X509Certificate root = chain[chain.length - 1];
        if (!issuedBy(root, root)) {
            throw new IllegalStateException(where + ": the certificate chain is missing its root: it ends at "
                    + root.getSubjectX500Principal().getName() + ", issued by "
                    + root.getIssuerX500Principal().getName() + "; import the chain up to the root CA");
        }
        Date at = Date.from(now);
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity(at);
            } catch (CertificateExpiredException e) {
                throw new IllegalStateException(where + ": the certificate "
                        + certificate.getSubjectX500Principal().getName() + " expired on "
                        + certificate.getNotAfter().toInstant());
            } catch (CertificateNotYetValidException e) {
                throw new IllegalStateException(where + ": the certificate "
                        + certificate.getSubjectX500Principal().getName() + " is not valid before "
                        + certificate.getNotBefore().toInstant());
            }
        }
        return chain;
    }

    private static boolean issuedBy(X509Certificate subject, X509Certificate issuer) {
        if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean keyMatches(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("unsupported signing key algorithm " + key.getAlgorithm()
                    + "; use an EC or RSA key");
        };
        byte[] probe = "itad-custody key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The password of the generated keystore, generating the CA, the signing key and their files first when the
     * keystore does not exist yet.
     */
    private static char[] embeddedDefault(Path keystore, Path passwordFile, Path caFile, String organisation) {
        try {
            if (Files.exists(keystore)) {
                if (!Files.isRegularFile(passwordFile)) {
                    throw new IllegalStateException("Certificate signing keystore " + keystore
                            + " exists but its password file " + passwordFile + " does not");
                }
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
            Generated generated = generate(organisation, Instant.now());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(GENERATED_ALIAS, generated.signingKey(), password, generated.chain());
            Files.createDirectories(keystore.getParent());
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
            try (var bytes = new java.io.ByteArrayOutputStream()) {
                store.store(bytes, password);
                writeOwnerOnly(keystore, bytes.toByteArray());
            }
            X509Certificate ca = generated.chain()[1];
            Files.writeString(caFile, pem(List.of(ca)), StandardCharsets.US_ASCII);
            log.info("Generated a local certificate CA and document-signing key in {} (for evaluation only; "
                    + "verifiers trust the CA certificate {})", keystore.getParent(), caFile);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the certificate signing keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate the certificate signing keys", e);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(content);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new root CA and a document-signing certificate it issued. */
    record Generated(PrivateKey signingKey, X509Certificate[] chain) {
    }

    /**
     * Generates a root CA (ECDSA P-256, ten years, CA and certificate signing only) and a document-signing
     * certificate it issues (ECDSA P-256, two years, digitalSignature and nonRepudiation) for {@code organisation}.
     */
    static Generated generate(String organisation, Instant now) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair signingKeys = generator.generateKeyPair();
        X500Name caName = name(organisation + " Certificate CA", organisation);
        X500Name signerName = name(organisation + " Document Signing", organisation);
        Instant notBefore = now.minus(Duration.ofHours(1));
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(notBefore), Date.from(now.plus(CA_VALIDITY)), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                    caBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
            X509v3CertificateBuilder signerBuilder = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(notBefore), Date.from(now.plus(SIGNING_VALIDITY)), signerName,
                    signingKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(signingKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca));
            X509Certificate signer = new JcaX509CertificateConverter().getCertificate(
                    signerBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
            return new Generated(signingKeys.getPrivate(), new X509Certificate[] {signer, ca});
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("could not build the certificates", e);
        }
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, organisation)
                .build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
    }
}
