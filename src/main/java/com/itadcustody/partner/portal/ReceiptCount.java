package com.itadcustody.partner.portal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The serials typed, scanned or pasted for a receipt against the manifest: matched, missing and unexpected, with
 * the same normalisation the retirement module applies (trimmed, case-insensitive). portal.js counts the same way
 * in the browser.
 *
 * @param received the distinct serials given, in the order given
 * @param matched manifest serials received
 * @param missing manifest serials not received
 * @param unexpected serials received that are not on the manifest
 */
record ReceiptCount(List<String> received, List<String> matched, List<String> missing, List<String> unexpected) {

    /** Splits the text at line breaks, commas, semicolons and tabs, and compares with the manifest. */
    static ReceiptCount of(String text, List<String> manifest) {
        Set<String> given = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split("[\\r\\n,;\\t]+")) {
            String serial = part.strip();
            if (!serial.isEmpty() && seen.add(normal(serial))) {
                given.add(serial);
            }
        }
        Set<String> onManifest = new LinkedHashSet<>();
        manifest.forEach(s -> onManifest.add(normal(s)));
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String serial : manifest) {
            (seen.contains(normal(serial)) ? matched : missing).add(serial);
        }
        List<String> unexpected = given.stream().filter(s -> !onManifest.contains(normal(s))).toList();
        return new ReceiptCount(List.copyOf(given), matched, missing, unexpected);
    }

    private static String normal(String serial) {
        return serial.strip().toUpperCase(Locale.ROOT);
    }
}
