package com.itadcustody.custody.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.SignedNote;
import com.itadcustody.custody.internal.tlog.NoteKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Verifies an export (a folder, or the zip itself) with no database and no service: every checkpoint signature
 * against the verifier keys, every leaf, position and asset chain link, and the rebuilt root at every checkpoint.
 * The export must start at entry 0.
 */
public final class OfflineLogVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineLogVerifier() {
    }

    /**
     * Verifies the export at {@code path}. {@code trustedKeys}, if given, replaces the export's own keys.txt: an
     * auditor should take the log's public keys from a source other than the export itself.
     */
    public static Report verify(Path path, List<String> trustedKeys) throws IOException {
        return verify(path, trustedKeys, null, null);
    }

    /**
     * Verifies the export with what the auditor trusts independently of it: the log's verifier keys (null: the
     * export's keys.txt), its origin (null: the manifest's) and a checkpoint saved earlier (null: none), which the
     * export must contain and agree with, so that an export cut short before it is refused.
     */
    public static Report verify(Path path, List<String> trustedKeys, String trustedOrigin, String savedCheckpoint)
            throws IOException {
        if (Files.isDirectory(path)) {
            return verifyFolder(path, trustedKeys, trustedOrigin, savedCheckpoint);
        }
        try (FileSystem zip = FileSystems.newFileSystem(path)) {
            return verifyFolder(zip.getPath("/"), trustedKeys, trustedOrigin, savedCheckpoint);
        }
    }

    private static Report verifyFolder(Path root, List<String> trustedKeys, String trustedOrigin,
            String savedCheckpoint) throws IOException {
        JsonNode manifest = JSON.readTree(Files.readAllBytes(root.resolve("manifest.json")));
        String origin = trustedOrigin != null ? trustedOrigin : manifest.path("origin").asText();
        if (manifest.path("from").asLong() != 0) {
            return Report.failed(0, 0, manifest.path("from").asLong(),
                    "the export starts at entry " + manifest.path("from").asLong() + "; only a full export from 0"
                            + " can be verified against checkpoints");
        }
        List<String> keyLines = trustedKeys != null ? trustedKeys
                : Files.readAllLines(root.resolve("keys.txt"), StandardCharsets.UTF_8);
        List<NoteKey> keys = keyLines.stream().map(String::strip).filter(l -> !l.isEmpty()).map(NoteKey::parse)
                .toList();
        TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
        Path folder = root.resolve("checkpoints");
        if (Files.isDirectory(folder)) {
            List<Path> notes;
            try (Stream<Path> files = Files.list(folder)) {
                notes = files.filter(p -> p.getFileName().toString().endsWith(".note")).toList();
            }
            for (Path note : notes) {
                String text = Files.readString(note, StandardCharsets.UTF_8);
                Checkpoint body;
                try {
                    body = Checkpoint.parse(SignedNote.parse(text).text());
                } catch (RuntimeException e) {
                    return Report.failed(0, 0, 0, note.getFileName() + " is not a checkpoint: " + e.getMessage());
                }
                checkpoints.put(body.size(), new StoredCheckpoint(body.size(), body.rootHash(), text, null,
                        Instant.EPOCH));
            }
        }
        if (savedCheckpoint != null) {
            Checkpoint saved;
            try {
                saved = Checkpoint.open(savedCheckpoint, origin, keys);
            } catch (RuntimeException e) {
                return Report.failed(0, 0, 0, "the saved checkpoint does not verify with the trusted keys and origin: "
                        + e.getMessage());
            }
            StoredCheckpoint inExport = checkpoints.get(saved.size());
            if (inExport != null && !java.util.Arrays.equals(inExport.rootHash(), saved.rootHash())) {
                return Report.failed(0, 0, saved.size() - 1, "the export's checkpoint at size " + saved.size()
                        + " differs from the saved one: the log was rewritten");
            }
            checkpoints.put(saved.size(), new StoredCheckpoint(saved.size(), saved.rootHash(), savedCheckpoint, null,
                    Instant.EPOCH));
        }
        Report signatures = LogVerifier.checkSignatures(checkpoints.values(), keys, origin);
        if (signatures != null) {
            return signatures;
        }
        LogVerifier verifier = new LogVerifier(checkpoints, n -> { });
        try (InputStream in = Files.newInputStream(root.resolve("entries.jsonl"));
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            long lineNumber = 0;
            while ((line = lines.readLine()) != null && verifier.failure() == null) {
                lineNumber++;
                JsonNode entry;
                byte[] envelope;
                JsonNode parsed;
                try {
                    entry = JSON.readTree(line);
                    envelope = Base64.getDecoder().decode(entry.path("envelope").asText());
                    parsed = JSON.readTree(envelope);
                } catch (IOException | IllegalArgumentException e) {
                    return Report.failed(lineNumber - 1, 0, lineNumber - 1,
                            "line " + lineNumber + " of entries.jsonl is not an entry: " + e.getMessage());
                }
                verifier.visit(entry.path("seq").asLong(), uuid(parsed, "eventId"), uuid(parsed, "assetId"),
                        envelope, HexFormat.of().parseHex(entry.path("leafHash").asText()));
            }
        }
        return verifier.finish();
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(node.path(field).asText());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

}
