package com.itadcustody.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real command-line tools that check our PDFs independently of our code: poppler's {@code pdfsig} (with an NSS
 * database trusting a given CA), {@code qpdf --check}, {@code pdftoppm} and {@code pdftotext}.
 */
public final class PdfCommands {

    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    private PdfCommands() {
    }

    /** What a tool printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    /** Runs {@code pdfsig} on {@code pdf} with an NSS database in {@code workDir} trusting each CA in {@code caPem}. */
    public static Run pdfsig(Path workDir, byte[] pdf, String caPem) {
        try {
            Path nss = Files.createDirectories(workDir.resolve("nss"));
            if (!Files.exists(nss.resolve("cert9.db"))) {
                run(List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password"));
                // after a key rotation the PEM lists every CA, and certutil -A imports only a file's first
                // certificate: each goes in on its own
                Matcher pem = CERTIFICATE.matcher(caPem);
                for (int n = 0; pem.find(); n++) {
                    Path caFile = workDir.resolve("ca-" + n + ".pem");
                    Files.writeString(caFile, pem.group() + "\n", StandardCharsets.US_ASCII);
                    Run added = run(List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "itad-ca-" + n, "-t",
                            "CT,C,C", "-i", caFile.toString()));
                    if (added.exitCode() != 0) {
                        throw new IllegalStateException("certutil -A failed: " + added.output());
                    }
                }
            }
            return run(List.of("pdfsig", "-nssdir", "sql:" + nss, write(workDir, pdf).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code qpdf --check} on {@code pdf}. */
    public static Run qpdfCheck(Path workDir, byte[] pdf) {
        return run(List.of("qpdf", "--check", write(workDir, pdf).toString()));
    }

    /** Runs {@code pdftotext -layout} and returns the text. */
    public static String text(Path workDir, byte[] pdf) {
        Path file = write(workDir, pdf);
        Run run = run(List.of("pdftotext", "-layout", file.toString(), "-"));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("pdftotext failed: " + run.output());
        }
        return run.output();
    }

    /** Renders page 1 to a PNG with {@code pdftoppm} at the given resolution and returns the PNG file. */
    public static Path firstPagePng(Path workDir, byte[] pdf, int dpi, Path target) {
        Path file = write(workDir, pdf);
        String prefix = target.toString().replaceFirst("\\.png$", "");
        Run run = run(List.of("pdftoppm", "-png", "-r", Integer.toString(dpi), "-f", "1", "-l", "1",
                "-singlefile", file.toString(), prefix));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("pdftoppm failed: " + run.output());
        }
        return Path.of(prefix + ".png");
    }

    private static Path write(Path workDir, byte[] pdf) {
        try {
            Path file = Files.createTempFile(workDir, "document", ".pdf");
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command with no input and waits up to a minute for it. When the tool is not installed the test is
     * skipped with a note, so that {@code ./mvnw verify} works on a machine with only a JDK; under CI
     * ({@code CI=true}, where {@code .ci/run} installs the tools) a missing tool fails the test instead.
     */
    public static Run run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            String message = command.get(0) + " is not installed (Debian: apt-get install poppler-utils qpdf"
                    + " libnss3-tools)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message + "; skipping this check");
            throw new IllegalStateException(message, e);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(command.get(0) + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
