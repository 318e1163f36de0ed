package com.itadcustody.console.staff;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of a list page: each value is checked, and a bad one is recorded with a message for
 * the field it came from (shown next to it), so a typo in an address is a clear message, never a 500.
 */
final class Filters {

    /** The largest page a list page shows. */
    static final int MAX_SIZE = 200;

    /** The longest search text. */
    static final int MAX_TEXT = 200;

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The messages per field, in the order found. */
    Map<String, String> errors() {
        return errors;
    }

    /** Whether every value was good. */
    boolean ok() {
        return errors.isEmpty();
    }

    /** The enum constant named by the value (any case); null for a blank value; an error for another. */
    <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        errors.put(field, field + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + " (not \"" + shorten(value) + "\")");
        return null;
    }

    /** The value if it is one of the allowed ones (any case); null for blank; an error for another. */
    String oneOf(String field, String value, java.util.List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (allowed.contains(upper)) {
            return upper;
        }
        errors.put(field, field + " must be one of " + String.join(", ", allowed) + " (not \"" + shorten(value)
                + "\")");
        return null;
    }

    /** The search text, stripped; null for blank; an error when longer than {@link #MAX_TEXT}. */
    String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            errors.put(field, "the search text is at most " + MAX_TEXT + " characters long");
            return null;
        }
        return value.strip();
    }

    /** An id; null for blank; an error for text that is not one. */
    UUID id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, field + " must be chosen from the list (\"" + shorten(value) + "\" is not an id)");
            return null;
        }
    }

    /** The zero-based page number; 0 for blank; an error for anything but a whole number of 0 or more. */
    int page(String value) {
        return number("page", value, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    }

    /** The page size; {@code fallback} for blank; an error outside 1 to {@link #MAX_SIZE}. */
    int size(String value, int fallback) {
        return number("size", value, fallback, 1, MAX_SIZE);
    }

    private int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, field + " must be a whole number from " + min + " to " + max + " (not \"" + shorten(value)
                + "\")");
        return fallback;
    }

    private static String shorten(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }
}
