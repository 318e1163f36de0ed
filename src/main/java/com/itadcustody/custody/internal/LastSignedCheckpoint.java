package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.SignedNote;
import com.itadcustody.shared.DataSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Instant;

/**
 * The newest checkpoint this node signed, kept outside the database
 * ({@code <data dir>/custody-last-checkpoint-<database>-<port>.note}), so that a database whose newest checkpoints
 * were deleted cannot get a rewritten history signed.
 */
@org.springframework.stereotype.Component
class LastSignedCheckpoint {

    private final DataSettings data;
    private Path file;

    LastSignedCheckpoint(DataSettings data) {
        this.data = data;
    }

    /** The remembered checkpoint for the database behind {@code c}, or null if this node never signed one. */
    StoredCheckpoint read(Connection c) throws java.sql.SQLException {
        if (file == null) {
            try (var ps = c.prepareStatement(
                    "select current_database() || '-' || coalesce(inet_server_port()::text, 'socket')");
                    var rs = ps.executeQuery()) {
                rs.next();
                file = data.resolve("custody-last-checkpoint-" + rs.getString(1).replaceAll("[^A-Za-z0-9_.-]", "_")
                        + ".note");
            }
        }
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String note = Files.readString(file, StandardCharsets.UTF_8);
            Checkpoint body = Checkpoint.parse(SignedNote.parse(note).text());
            return new StoredCheckpoint(body.size(), body.rootHash(), note, null, Instant.EPOCH);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Remembers a newly signed checkpoint (atomically replacing the previous one). */
    void write(StoredCheckpoint checkpoint) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, checkpoint.note(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
