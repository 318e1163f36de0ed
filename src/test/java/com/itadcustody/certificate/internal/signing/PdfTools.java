package com.itadcustody.certificate.internal.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real command-line tools the signed files are checked with: poppler's pdfsig (NSS) and qpdf. */
final class PdfTools {

    private PdfTools() {
    }

    /** What a tool printed and how it exited. */
    record Run(int exitCode, String output) {
    }

    /**
     * Runs {@code pdfsig} on {@code pdf} with an NSS database in {@code workDir} that trusts {@code ca}
     * for signing ("CT,C,C").
     */
    static Run pdfsig(Path workDir, byte[] pdf, X509Certificate ca) {
        try {
            Path nss = Files.createDirectories(workDir.resolve("nss"));
            if (!Files.exists(nss.resolve("cert9.db"))) {
                run(List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password"));
                Path caFile = workDir.resolve("ca.pem");
                Files.writeString(caFile, SigningKeys.pem(List.of(ca)), StandardCharsets.US_ASCII);
                Run added = run(List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "itad-ca", "-t", "CT,C,C",
                        "-i", caFile.toString()));
                if (added.exitCode() != 0) {
                    throw new IllegalStateException("certutil -A failed: " + added.output());
                }
            }
            Path file = Files.createTempFile(workDir, "signed", ".pdf");
            Files.write(file, pdf);
            return run(List.of("pdfsig", "-nssdir", "sql:" + nss, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code qpdf --check} on {@code pdf}. */
    static Run qpdfCheck(Path workDir, byte[] pdf) {
        try {
            Path file = Files.createTempFile(workDir, "check", ".pdf");
            Files.write(file, pdf);
            return run(List.of("qpdf", "--check", file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
