package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.NoteKey;
import com.itadcustody.custody.internal.tlog.NoteSigner;
import com.itadcustody.shared.DataSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints: from {@code itad.custody.signing-key} if set, otherwise from
 * {@code <data dir>/custody-log.key}, generated on first start. Its verifier key is registered in
 * {@code custody_log_key}; keys used before stay there, so old checkpoints verify after a key rotation.
 */
@Component
public class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);

    private final boolean fromConfiguration;
    private final Path keyFile;
    private final String origin;
    private volatile NoteSigner signer;

    LogSigningKey(CustodySettings settings, DataSettings data, JdbcClient jdbc) {
        this.fromConfiguration = settings.signingKey() != null && !settings.signingKey().isBlank();
        this.keyFile = data.resolve("custody-log.key");
        this.origin = settings.origin();
        this.signer = fromConfiguration ? NoteSigner.parse(settings.signingKey().strip())
                : loadOrGenerate(keyFile, settings.origin());
        if (register(jdbc, signer.verifierKey())) {
            log.info("Custody log signing key registered: {}", signer.verifierKey().verifierKey());
        }
    }

    /** The signer of new checkpoints. */
    public NoteSigner signer() {
        return signer;
    }

    /** Whether the key comes from configuration ({@code itad.custody.signing-key}), so it cannot be rotated here. */
    public boolean fromConfiguration() {
        return fromConfiguration;
    }

    /** A new signing key for the log's origin, not yet in use (see {@link #activate}). */
    public NoteSigner generate() {
        return NoteSigner.generate(origin);
    }

    /** Registers a verifier key in {@code custody_log_key}; whether it was new. */
    public static boolean register(JdbcClient jdbc, NoteKey key) {
        return jdbc.sql("""
                insert into custody_log_key (key_id, key_name, verifier_key) values (:id, :name, :key)
                on conflict (key_id) do nothing""")
                .param("id", key.keyIdHex()).param("name", key.name()).param("key", key.verifierKey()).update() == 1;
    }

    /**
     * Makes {@code next} the signer of new checkpoints: writes it to the key file in the data directory (replacing
     * the old private key, whose verifier key stays registered) and uses it from now on.
     */
    public synchronized void activate(NoteSigner next) {
        if (fromConfiguration) {
            throw new IllegalStateException("the custody signing key comes from configuration");
        }
        try {
            Path temp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, next.privateKeyText() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the new custody log key " + keyFile, e);
        }
        this.signer = next;
        log.info("Custody log signing key rotated; new checkpoints are signed by {}", next.verifierKey().verifierKey());
    }

    private static NoteSigner loadOrGenerate(Path file, String name) {
        try {
            if (Files.exists(file)) {
                return NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            NoteSigner generated = NoteSigner.generate(name);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated.privateKeyText() + "\n", StandardCharsets.UTF_8);
            log.info("Generated the custody log's signing key in {} (keep it secret; back it up)", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the custody log key " + file, e);
        }
    }
}
