package com.itadcustody.certificate.internal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The command-line PDF tools a verifier would use (qpdf, poppler-utils), run on files in a directory. */
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
        Process process;
        try {
            Path out = Files.createTempFile(directory, "stdout", ".txt");
            Path err = Files.createTempFile(directory, "stderr", ".txt");
            process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command[0] + ": these tests need qpdf and"
                    + " poppler-utils (pdfinfo, pdftotext, pdfdetach, pdftoppm, pdffonts) on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
