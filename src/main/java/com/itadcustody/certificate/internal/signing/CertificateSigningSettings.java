package com.itadcustody.certificate.internal.signing;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How certificates are signed.
 *
 * @param keystore path to the PKCS#12 keystore with the organisation's signing key and its chain
 *     ({@code ITAD_CERT_KEYSTORE}); blank means the local CA and key in the data directory, generated on first start
 * @param keystorePassword the keystore's password ({@code ITAD_CERT_KEYSTORE_PASSWORD})
 * @param keyAlias the keystore entry to sign with ({@code ITAD_CERT_KEY_ALIAS}); blank means the keystore's only
 *     private-key entry
 * @param tsaUrl an RFC 3161 time-stamping authority ({@code ITAD_CERT_TSA_URL}); set, signatures are PAdES B-T,
 *     blank means B-B
 * @param organisation the organisation's name, printed on certificates and put in a generated signing
 *     certificate's subject ({@code ITAD_ORGANISATION})
 */
@ConfigurationProperties("itad.certificates")
public record CertificateSigningSettings(
        String keystore,
        String keystorePassword,
        String keyAlias,
        String tsaUrl,
        @DefaultValue("ITAD Custody (demo)") String organisation) {

    /** Fills blank values with their defaults. */
    public CertificateSigningSettings {
        keystore = blankToNull(keystore);
        keyAlias = blankToNull(keyAlias);
        tsaUrl = blankToNull(tsaUrl);
        organisation = organisation == null || organisation.isBlank() ? "ITAD Custody (demo)" : organisation.strip();
    }

    /** The configured keystore file, or empty for the generated one in the data directory. */
    public Optional<Path> keystorePath() {
        return Optional.ofNullable(keystore).map(Path::of);
    }

    /** The configured time-stamping authority, or empty when signatures are not timestamped. */
    public Optional<String> timestampAuthority() {
        return Optional.ofNullable(tsaUrl);
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "CertificateSigningSettings[keystore=" + keystore + ", keyAlias=" + keyAlias + ", tsaUrl=" + tsaUrl
                + ", organisation=" + organisation + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
