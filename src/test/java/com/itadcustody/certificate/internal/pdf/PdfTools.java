package com.itadcustody.certificate.internal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The command-line PDF tools a verifier would use (qpdf; poppler's pdfinfo, pdffonts, pdftotext, pdfdetach and
 * pdftoppm), run in a directory with separate standard output and error. Missing tools skip the test, except under
 * CI ({@code CI=true}), like {@code support.PdfCommands}, which lacks the attachment and font tools needed here.
 */
final class PdfTools {

    /** What a tool printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private PdfTools() {
    }

    static Path write(Path directory, String name, byte[] pdf) {
        try {
            return Files.write(directory.resolve(name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(Path directory, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Path out = temporary(directory, "stdout");
        Path err = temporary(directory, "stderr");
        Process process;
        try {
            process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            // as support.PdfCommands: skipped with a note on a machine with only a JDK, a failure under CI
            String message = command[0] + " is not installed (Debian: apt-get install poppler-utils qpdf)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message + "; skipping this check");
            throw new IllegalStateException(message, e);
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(command[0] + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporary(Path directory, String prefix) {
        try {
            return Files.createTempFile(directory, prefix, ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a tool that must succeed and returns its standard output. */
    static String output(Path directory, String... command) {
        Result result = run(directory, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.exitCode() + ": "
                    + result.stderr());
        }
        return result.stdout();
    }
}
