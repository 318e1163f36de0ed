package com.itadcustody.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification commands of an unpacked evidence pack, taken from its own README (every {@code ```sh} block: the
 * first sets the variables, each later one is a step) and run with bash in the pack's folder, as an auditor would
 * paste them. Nothing is added but the environment variables the README tells the auditor to set.
 */
public final class PackReadmeCommands {

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    /** What one step printed (stdout and stderr together) and its exit status. */
    public record Result(int step, int exitCode, String output) {

        /** Whether the step ended with exit status 0. */
        public boolean passed() {
            return exitCode == 0;
        }
    }

    private final Path pack;
    private final String settings;
    private final List<String> steps;

    private PackReadmeCommands(Path pack, List<String> blocks) {
        this.pack = pack;
        this.settings = blocks.get(0);
        this.steps = blocks.subList(1, blocks.size());
    }

    /** The commands of the README in {@code pack}. */
    public static PackReadmeCommands of(Path pack) {
        try {
            String readme = Files.readString(pack.resolve("README.md"), StandardCharsets.UTF_8);
            Matcher block = SH_BLOCK.matcher(readme);
            List<String> blocks = new ArrayList<>();
            while (block.find()) {
                blocks.add(block.group(1));
            }
            if (blocks.size() < 2) {
                throw new IllegalStateException("the README has no verification commands");
            }
            return new PackReadmeCommands(pack, blocks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many steps there are (the settings block not counted). */
    public int steps() {
        return steps.size();
    }

    /** The text of step {@code n} (1-based). */
    public String step(int n) {
        return steps.get(n - 1);
    }

    /** The number of the first step whose commands contain {@code text} (e.g. a tool's name). */
    public int stepUsing(String text) {
        for (int n = 1; n <= steps.size(); n++) {
            if (steps.get(n - 1).contains(text)) {
                return n;
            }
        }
        throw new IllegalStateException("no step of the README uses " + text);
    }

    /** Runs every step, each after the settings, with these environment variables. */
    public List<Result> runAll(Map<String, String> env) {
        List<Result> results = new ArrayList<>();
        for (int n = 1; n <= steps.size(); n++) {
            results.add(run(n, env));
        }
        return results;
    }

    /** Runs step {@code n} (1-based) after the settings block. */
    public Result run(int n, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", settings + "\n" + steps.get(n - 1))
                    .directory(pack.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("step " + n + " did not end");
            }
            return new Result(n, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
