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

    private final NoteSigner signer;

    LogSigningKey(CustodySettings settings, DataSettings data, JdbcClient jdbc) {
        this.signer = settings.signingKey() != null && !settings.signingKey().isBlank()
                ? NoteSigner.parse(settings.signingKey().strip())
                : loadOrGenerate(data.resolve("custody-log.key"), settings.origin());
        NoteKey key = signer.verifierKey();
        int added = jdbc.sql("""
                insert into custody_log_key (key_id, key_name, verifier_key) values (:id, :name, :key)
                on conflict (key_id) do nothing""")
                .param("id", key.keyIdHex()).param("name", key.name()).param("key", key.verifierKey()).update();
        if (added == 1) {
            log.info("Custody log signing key registered: {}", key.verifierKey());
        }
    }

    /** The signer of new checkpoints. */
    public NoteSigner signer() {
        return signer;
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
