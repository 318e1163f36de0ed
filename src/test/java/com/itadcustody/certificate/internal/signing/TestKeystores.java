package com.itadcustody.certificate.internal.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;

/** PKCS#12 keystores for the key-loading tests, with keys generated the way {@link SigningKeys} generates them. */
final class TestKeystores {

    private TestKeystores() {
    }

    /** A new CA and signing key for {@code organisation}, issued at {@code issuedAt}. */
    static SigningKeys.Generated generate(String organisation, Instant issuedAt) {
        try {
            return SigningKeys.generate(organisation, issuedAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A keystore file holding {@code keys} under {@code alias} with its full chain. */
    static Path write(Path file, String password, SigningKeys.Generated keys) {
        return write(file, password, store -> store.setKeyEntry("signing", keys.signingKey(),
                password.toCharArray(), keys.chain()));
    }

    /** A keystore file filled by {@code content}. */
    static Path write(Path file, String password, Content content) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            content.fill(store);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signing certificate alone, without the CA that issued it. */
    static Certificate[] leafOnly(SigningKeys.Generated keys) {
        return new Certificate[] {keys.chain()[0]};
    }

    /** Puts entries into a keystore. */
    @FunctionalInterface
    interface Content {
        void fill(KeyStore store) throws GeneralSecurityException;
    }
}
