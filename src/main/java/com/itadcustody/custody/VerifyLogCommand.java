package com.itadcustody.custody;

import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.OfflineLogVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline verifier: {@code java -jar itad-custody.jar verify-log <export.zip|export-dir> [--keys keys.txt]}.
 * Needs no database and no running service; exits 0 if the export verifies, 1 if it does not, 2 on bad usage.
 */
public final class VerifyLogCommand {

    /** The command's name as the first program argument. */
    public static final String NAME = "verify-log";

    private VerifyLogCommand() {
    }

    /** Runs the verifier on the arguments that follow the command name and prints the outcome. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--keys"))) {
            out.println("usage: verify-log <export.zip|export-dir> [--keys <verifier-keys.txt>]");
            return 2;
        }
        try {
            List<String> keys = args.length == 3 ? Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8) : null;
            if (keys == null) {
                out.println("note: using the export's own keys.txt; compare it with the log's published keys");
            }
            Report report = OfflineLogVerifier.verify(Path.of(args[0]), keys);
            if (report.ok()) {
                out.println("OK: " + report.entries() + " entries and " + report.checkpoints()
                        + " checkpoints verified");
                return 0;
            }
            out.println("FAILED at sequence number " + report.firstBadSeq() + ": " + report.reason());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("FAILED: the export cannot be read: " + e.getMessage());
            return 1;
        }
    }
}
