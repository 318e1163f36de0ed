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
        if (args.length == 0 || args.length % 2 == 0) {
            return usage(out);
        }
        String keys = null;
        String origin = null;
        String checkpoint = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = args[i + 1];
                case "--origin" -> origin = args[i + 1];
                case "--checkpoint" -> checkpoint = args[i + 1];
                default -> {
                    return usage(out);
                }
            }
        }
        try {
            List<String> trustedKeys = keys == null ? null : Files.readAllLines(Path.of(keys), StandardCharsets.UTF_8);
            if (trustedKeys == null) {
                out.println("note: using the export's own keys.txt; compare it with the log's published keys");
            }
            String saved = checkpoint == null ? null : Files.readString(Path.of(checkpoint), StandardCharsets.UTF_8);
            Report report = OfflineLogVerifier.verify(Path.of(args[0]), trustedKeys, origin, saved);
            if (report.ok()) {
                out.println("OK: " + report.entries() + " entries and " + report.checkpoints()
                        + " checkpoints verified");
                if (report.checkpoints() == 0) {
                    out.println("warning: no checkpoint covers these entries; give a checkpoint you saved with"
                            + " --checkpoint to make sure the export is complete");
                }
                return 0;
            }
            out.println("FAILED at sequence number " + report.firstBadSeq() + ": " + report.reason());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("FAILED: the export cannot be read: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: verify-log <export.zip|export-dir> [--keys <verifier-keys.txt>] [--origin <origin>]"
                + " [--checkpoint <saved-checkpoint.note>]");
        return 2;
    }
}
