package com.itadcustody.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians, run lists and CPU counters for the benchmark reports. */
final class BenchStats {

    private BenchStats() {
    }

    /** The median of the values. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The values, each formatted with {@code pattern}, comma-separated. */
    static String format(List<Double> values, String pattern) {
        return String.join(", ", values.stream().map(v -> String.format(pattern, v)).toList());
    }

    /** CPU seconds the whole machine has been busy (user, nice, system, irq, softirq; /proc/stat). */
    static double machineBusySeconds() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        double busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy / 100;
    }

    /** CPU seconds this JVM has used. */
    static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * CPU seconds the PostgreSQL server's running processes have used (all its databases; processes that ended in
     * between are missed).
     */
    static double postgresCpuSeconds() throws IOException {
        double ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks / 100;
    }
}
