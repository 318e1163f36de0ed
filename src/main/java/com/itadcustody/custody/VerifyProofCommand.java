package com.itadcustody.custody;

import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.NoteKey;
import com.itadcustody.custody.internal.tlog.TlogProof;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The offline check of one inclusion proof, as certificates embed it:
 * {@code java -jar itad-custody.jar verify-proof <proof.tlog> --leaf <hex> --keys <keys.txt> [--origin <origin>]}.
 * Verifies the checkpoint's signature with the given log keys and the proof of the leaf against the checkpoint's
 * root; needs no database. Exits 0 if the proof holds, 1 if not, 2 on bad usage.
 */
public final class VerifyProofCommand {

    /** The command's name as the first program argument. */
    public static final String NAME = "verify-proof";

    private VerifyProofCommand() {
    }

    /** Runs the check on the arguments that follow the command name and prints the outcome. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args.length % 2 == 0) {
            return usage(out);
        }
        String leaf = null;
        String keys = null;
        String origin = "localhost/itad-custody";
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--leaf" -> leaf = args[i + 1];
                case "--keys" -> keys = args[i + 1];
                case "--origin" -> origin = args[i + 1];
                default -> {
                    return usage(out);
                }
            }
        }
        if (leaf == null || keys == null) {
            return usage(out);
        }
        try {
            String proof = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
            List<NoteKey> trusted = Files.readAllLines(Path.of(keys), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).map(NoteKey::parse).toList();
            Checkpoint checkpoint = TlogProof.verify(HexFormat.of().parseHex(leaf.strip()), proof, trusted, origin);
            out.println("OK: leaf " + TlogProof.parse(proof).index() + " is in the log " + checkpoint.origin()
                    + " at tree size " + checkpoint.size() + " (checkpoint signature verified)");
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: verify-proof <proof.tlog> --leaf <leaf-hash-hex> --keys <verifier-keys.txt>"
                + " [--origin <origin>]");
        return 2;
    }
}
