package com.itadcustody.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and run lists for the benchmark reports. */
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
}
