package com.itadcustody.custody.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.shared.DomainRuleViolated;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk export of the log as a zip that an auditor can verify without us (docs/custody-log-format.md):
 * {@code manifest.json}, {@code keys.txt} (verifier keys), {@code checkpoints/<size>.note} (every checkpoint up to
 * the range's end, with {@code <size>.tst}, its RFC 3161 timestamp token, where there is one) and {@code entries.jsonl} (one line per entry: seq, leaf hash in hex, envelope bytes in base64).
 */
@Service
public class LogExport {

    /** Format name written into the manifest. */
    public static final String FORMAT = "itad-custody-log-export/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LogStore store;
    private final CustodySettings settings;

    LogExport(JdbcTemplate jdbc, TransactionTemplate tx, LogStore store, CustodySettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.settings = settings;
    }

    /** Writes entries {@code [from, to)} (to = null: up to the end) with keys and checkpoints as a zip. */
    public void export(long from, Long to, OutputStream out) {
        long end = checkRange(from, to);
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("origin", settings.origin())
                    .put("from", from).put("to", end).put("exportedAt", Instant.now().toString());
            write(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            write(zip, "keys.txt", (String.join("\n", store.verifierKeys()) + "\n").getBytes(StandardCharsets.UTF_8));
            for (StoredCheckpoint c : store.checkpoints()) {
                if (c.treeSize() <= end) {
                    write(zip, "checkpoints/" + c.treeSize() + ".note", c.note().getBytes(StandardCharsets.UTF_8));
                    var token = store.timestampToken(c.treeSize());
                    if (token.isPresent()) {
                        write(zip, "checkpoints/" + c.treeSize() + ".tst", token.get());
                    }
                }
            }
            zip.putNextEntry(new ZipEntry("entries.jsonl"));
            tx.executeWithoutResult(status -> jdbc.query(con -> {
                var ps = con.prepareStatement("select seq, leaf_hash, envelope from custody_entry"
                        + " where seq >= ? and seq < ? order by seq");
                ps.setLong(1, from);
                ps.setLong(2, end);
                ps.setFetchSize(10_000);
                return ps;
            }, rs -> {
                try {
                    String line = "{\"seq\":" + rs.getLong(1) + ",\"leafHash\":\""
                            + HexFormat.of().formatHex(rs.getBytes(2)) + "\",\"envelope\":\""
                            + Base64.getEncoder().encodeToString(rs.getBytes(3)) + "\"}\n";
                    zip.write(line.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks an export range and returns its end; 400 naming the field if it is not within the log. */
    public long checkRange(long from, Long to) {
        long size = store.size();
        long end = to == null ? size : to;
        if (from < 0 || from > end) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-range", "from",
                    "from must be between 0 and to");
        }
        if (end > size) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-range", "to",
                    "to must be at most the log's size, " + size);
        }
        return end;
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
