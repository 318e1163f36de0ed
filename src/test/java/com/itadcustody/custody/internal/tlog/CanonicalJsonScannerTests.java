package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.custody.internal.tlog.CanonicalJsonScanner.Kind;
import com.itadcustody.custody.internal.tlog.CanonicalJsonScanner.Result;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The single-pass scanner must give exactly the verdict of {@link Jcs#isCanonical} (parse strictly, write
 * canonically, compare) on every input: generated canonical texts, texts written with every kind of deviation,
 * damaged bytes, all short byte strings over the JSON alphabet, the RFC 8785 examples and the parser's limits.
 */
class CanonicalJsonScannerTests {

    private static final CanonicalJsonScanner PLAIN = new CanonicalJsonScanner();

    /** Characters for generated strings and names: escapes, controls, '/', U+007F, non-ASCII, surrogate pairs. */
    private static final String[] CHARACTERS = {"a", "b", "z", "A", "Z", "0", "9", " ", "/", "\"", "\\", "\u007f",
        "\u0000", "\u0001", "\b", "\t", "\n", "\u000b", "\f", "\r", "\u001f", "\u0080", "\u00e9", "\u00f6", "\u07ff",
        "\u0800", "\u20ac", "\ud7ff", "\ue000", "\ufb33", "\ufffd", "\uffff", "\ud83d\ude00", "\ud800\udc00",
        "\udbff\udfff", "</script>", "e", "E", "-", "1"};

    private static final double[] NUMBERS = {0, -0.0, 1, -1, 0.1, 0.5, 1.5, 100, 1e20, 1e21, 1e-6, 1e-7, 5e-324,
        Double.MAX_VALUE, Double.MIN_NORMAL, 333333333.33333329, 2e-3, 1e30, 4.5, 123456789012345680000.0,
        9007199254740992.0, 9007199254740993.0, -9007199254740992.0, 0.000001, 1234.5678, 2.9514790517935283e20};

    private static final long[] INTEGERS = {0, 1, -1, 9, 10, 42, -42, 9007199254740991L, 9007199254740992L,
        -9007199254740992L, 9007199254740993L, -9007199254740993L, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000L};

    @Test
    void agreesWithJcsOnGeneratedTextsWrittenCanonicallyAndWithDeviations() {
        Random random = new Random(8785);
        int canonical = 0;
        int cases = 0;
        for (int i = 0; i < 4_000; i++) {
            Object tree = tree(random, 0);
            byte[] exact;
            try {
                exact = Jcs.canonicalize(tree);
            } catch (IllegalArgumentException noCanonicalForm) {
                continue;
            }
            canonical += Jcs.isCanonical(exact) ? 1 : 0;
            assertSameVerdict(exact);
            cases++;
            for (int k = 0; k < 6; k++) {
                StringBuilder deviant = new StringBuilder();
                write(tree, deviant, random, 0.15);
                assertSameVerdict(deviant.toString().getBytes(StandardCharsets.UTF_8));
                assertSameVerdict(damage(exact, random));
                cases += 2;
            }
        }
        assertThat(canonical).as("generated texts that are canonical").isGreaterThan(2_000);
        assertThat(cases).isGreaterThan(40_000);
    }

    @Test
    void agreesWithJcsOnEveryShortTextOverTheJsonAlphabet() {
        byte[] alphabet = {'{', '}', '[', ']', '"', ':', ',', '0', '1', '-', '.', 'e', '+', 'a', '\\', 'u', ' ',
            't', (byte) 0xC3, (byte) 0xA9, 0x1F};
        for (int length = 1; length <= 4; length++) {
            int[] digits = new int[length];
            byte[] text = new byte[length];
            while (true) {
                for (int i = 0; i < length; i++) {
                    text[i] = alphabet[digits[i]];
                }
                assertSameVerdict(text.clone());
                int i = length - 1;
                while (i >= 0 && ++digits[i] == alphabet.length) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
    }

    @Test
    void agreesWithJcsOnTheRfcExamplesAndTheReferenceTestData() {
        List<String> texts = List.of(
                // RFC 8785 §3.2.2 and §3.2.3, input and output
                "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                        + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                        + "\"literals\":[null,true,false]}",
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
                "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                        + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}",
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                // cyberphone/json-canonicalization testdata: structures, values, weird (input and output)
                "{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n"
                        + "  \"\": \"empty\",\n  \"a\": { },\n  \"111\": [ { } ],\n  \"A\": { }\n}",
                "{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],"
                        + "\"A\":{},\"a\":{}}",
                "{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
                        + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}",
                "{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                // JcsTests.recognisesCanonicalBytes and the strictness cases
                "{\"a\":1,\"b\":[true]}", "{\"b\":1,\"a\":2}", "{\"a\": 1}", "{\"a\":1.0}", "{\"a\":\"\\u00e9\"}",
                "not json", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "[NaN]", "[1e400]", "{} {}", "", "[01]",
                "[9007199254740992,-9007199254740992]", "[9007199254740993]", "[295147905179352830000]",
                "[2.9514790517935283e20]", "[295147905179352830000.0]", "[\"\\udc00\"]", "[\"\\ud83d\\ude00\"]",
                "[-0]", "[-0.0]", "[0]", "[1e2]", "[100]", "[1E+2]", "[1e+21]", "[1e21]", "[1e-7]", "[1e-07]",
                "[0.0000001]", "[5e-324]", "[\"\\u0041\"]", "[\"\\/\"]", "[\"\\u001F\"]", "[\"\\u001f\"]",
                "[\"\\u0008\"]", "[\"\\u007f\"]", "[\"\u007f\"]", "\ufeff{}", "null", "true", "1", "\"x\"", "[]", "{}",
                "[true,false,null]", "[tru]", "[nul]", "[truex]", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\"}",
                "{\"a\":}", "{1:1}", "[\"a\"\"b\"]", "\"\\", "\"\\u00", "\"abc", "[-]", "[+1]", "[.5]", "[1.]",
                "[1.5e]", "[0x10]", "[Infinity]", "[-Infinity]", "[1e+]", "[1-2]", "[1e5.5]", "[--1]");
        for (String text : texts) {
            assertSameVerdict(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(PLAIN.scan("{\"a\":1,\"b\":[true]}".getBytes(StandardCharsets.UTF_8)).canonical()).isTrue();
    }

    @Test
    void agreesWithJcsOnMalformedUtf8() {
        String[] sequences = {"C3", "C3A9", "C0AF", "C1BF", "E082AC", "E0A080", "E282AC", "EDA080", "ED9FBF",
            "EEBFBF", "EFBFBF", "F08282AC", "F0908080", "F48FBFBF", "F4908080", "F5808080", "FF", "80", "BF", "C3C3",
            "E282", "F09F98", "F09F9880", "EDB080", "E2", "C2A0", "C280"};
        for (String sequence : sequences) {
            byte[] bytes = HexFormat.of().parseHex(sequence);
            assertSameVerdict(concat(new byte[] {'"'}, bytes, new byte[] {'"'}));
            assertSameVerdict(concat(new byte[] {'{', '"'}, bytes, new byte[] {'"', ':', '1', '}'}));
            assertSameVerdict(concat(new byte[] {'['}, bytes, new byte[] {']'}));
            assertSameVerdict(concat(new byte[] {'"', 'a'}, bytes));
        }
    }

    @Test
    void agreesWithJcsAtTheStrictParsersLimits() throws Exception {
        // Jcs writes nested values recursively, which needs more than a default thread stack at 1000 levels
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread big = new Thread(null, () -> {
            try {
                assertSameVerdictsAtTheLimits();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "big-stack", 64L * 1024 * 1024);
        big.start();
        big.join();

        assertThat(failure.get()).isNull();
    }

    private static void assertSameVerdictsAtTheLimits() {
        for (int depth : new int[] {999, 1000, 1001}) {
            assertSameVerdict(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
            assertSameVerdict(("[".repeat(depth) + "1" + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
            assertSameVerdict(("{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1))
                    .getBytes(StandardCharsets.UTF_8));
            assertSameVerdict(("{\"a\":[".repeat(depth / 2) + "0" + "]}".repeat(depth / 2))
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (int length : new int[] {CanonicalJsonScanner.MAX_NAME_LENGTH, CanonicalJsonScanner.MAX_NAME_LENGTH + 1}) {
            assertSameVerdict(("{\"" + "a".repeat(length) + "\":1}").getBytes(StandardCharsets.UTF_8));
            assertSameVerdict(("{\"" + "\u20ac".repeat(length) + "\":1}").getBytes(StandardCharsets.UTF_8));
            assertSameVerdict(("{\"" + "\ud83d\ude00".repeat(length / 2) + "a".repeat(length % 2) + "\":1}")
                    .getBytes(StandardCharsets.UTF_8));
            assertSameVerdict(("{\"" + "\\n".repeat(length) + "\":1}").getBytes(StandardCharsets.UTF_8));
        }
        for (int length : new int[] {CanonicalJsonScanner.MAX_STRING_LENGTH,
            CanonicalJsonScanner.MAX_STRING_LENGTH + 1}) {
            assertSameVerdict(("[\"" + "\u00e9".repeat(length) + "\"]").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void scansTheDeepestNestingItAcceptsWithoutDeepRecursion() throws Exception {
        byte[] deepest = ("[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        byte[] tooDeep = ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        AtomicReference<Object> verdicts = new AtomicReference<>();
        Thread small = new Thread(null, () -> verdicts.set(List.of(PLAIN.scan(deepest).canonical(),
                PLAIN.scan(tooDeep).canonical())), "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertThat(verdicts.get()).isEqualTo(List.of(true, false));
    }

    @Test
    void notesTheChosenMembersOfTheTopLevelObjectOnly() {
        CanonicalJsonScanner scanner = new CanonicalJsonScanner("seq", "id", "prev", "at", "flag", "inner", "list");
        byte[] json = ("{\"at\":\"2026-11-28T22:08:48.025Z\",\"data\":{\"id\":\"x\",\"seq\":7},\"flag\":false,"
                + "\"id\":\"caf\u00e9 \\\"\\u0001\\n\",\"inner\":{\"a\":[]},\"list\":[1],\"prev\":null,\"seq\":42}")
                .getBytes(StandardCharsets.UTF_8);

        Result result = scanner.scan(json);

        assertThat(result.canonical()).isTrue();
        assertThat(result.kind(0)).isEqualTo(Kind.NUMBER);
        assertThat(result.integer(0, -1)).isEqualTo(42);
        assertThat(result.text(0)).isEqualTo("42");
        assertThat(result.kind(1)).isEqualTo(Kind.STRING);
        assertThat(result.string(1)).isEqualTo("caf\u00e9 \"\u0001\n");
        assertThat(result.text(1)).isEqualTo("\"caf\u00e9 \\\"\\u0001\\n\"");
        assertThat(result.kind(2)).isEqualTo(Kind.NULL);
        assertThat(result.string(2)).isNull();
        assertThat(result.stringEquals(3, "2026-11-28T22:08:48.025Z")).isTrue();
        assertThat(result.stringEquals(3, "2026-11-28T22:08:48.026Z")).isFalse();
        assertThat(new String(json, result.start(3), result.end(3) - result.start(3), StandardCharsets.UTF_8))
                .isEqualTo("2026-11-28T22:08:48.025Z");
        assertThat(result.kind(4)).isEqualTo(Kind.FALSE);
        assertThat(result.kind(5)).isEqualTo(Kind.OBJECT);
        assertThat(result.text(5)).isEqualTo("{\"a\":[]}");
        assertThat(result.kind(6)).isEqualTo(Kind.ARRAY);
        assertThat(result.integer(1, -1)).isEqualTo(-1);
    }

    @Test
    void reportsAbsentMembersAndStringsOnlyForStrings() {
        CanonicalJsonScanner scanner = new CanonicalJsonScanner("seq", "eventId");

        Result nested = scanner.scan("[{\"seq\":1}]".getBytes(StandardCharsets.UTF_8));
        Result other = scanner.scan("{\"eventId\":17,\"seq\":1.5}".getBytes(StandardCharsets.UTF_8));

        assertThat(nested.canonical()).isTrue();
        assertThat(nested.kind(0)).isEqualTo(Kind.ABSENT);
        assertThat(nested.text(0)).isNull();
        assertThat(other.stringEquals(1, "17")).isFalse();
        assertThat(other.integer(0, -1)).isEqualTo(-1);
        assertThat(other.text(0)).isEqualTo("1.5");
    }

    @Test
    void refusesMemberNamesItCouldNotCompareAsBytes() {
        assertThatThrownBy(() -> new CanonicalJsonScanner("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanonicalJsonScanner("\u00e9")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameVerdict(byte[] json) {
        boolean expected = Jcs.isCanonical(json);
        boolean actual = PLAIN.scan(json).canonical();
        if (actual != expected) {
            String shown = json.length > 300 ? json.length + " bytes starting "
                    + HexFormat.of().formatHex(json, 0, 300) : HexFormat.of().formatHex(json) + " ("
                    + new String(json, StandardCharsets.UTF_8) + ")";
            assertThat(actual).as("scanner verdict on %s", shown).isEqualTo(expected);
        }
    }

    // ---- generated trees ----------------------------------------------------------------------------------------

    private static Object tree(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 5 : 8);
        switch (kind) {
            case 0:
                return text(random, 6);
            case 1:
                return random.nextBoolean() ? INTEGERS[random.nextInt(INTEGERS.length)]
                        : random.nextLong(-1_000_000L, 1_000_000L);
            case 2:
                return switch (random.nextInt(4)) {
                    case 0 -> NUMBERS[random.nextInt(NUMBERS.length)];
                    case 1 -> Double.longBitsToDouble(random.nextLong());
                    case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
                    default -> random.nextInt(-1000, 1000) / 100.0;
                };
            case 3:
                return random.nextBoolean();
            case 4:
                return null;
            case 5:
            case 6: {
                Map<String, Object> members = new LinkedHashMap<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    members.put(text(random, 3), tree(random, depth + 1));
                }
                return members;
            }
            default: {
                List<Object> elements = new ArrayList<>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    elements.add(tree(random, depth + 1));
                }
                return elements;
            }
        }
    }

    private static String text(Random random, int maxLength) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(3) == 0 ? CHARACTERS[random.nextInt(CHARACTERS.length)]
                    : String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return s.toString();
    }

    /**
     * Writes a tree as JSON text, deviating from the canonical form at random with probability {@code odds} at each
     * place where it can: whitespace, member order, duplicate members, escapes, number forms.
     */
    private static void write(Object value, StringBuilder out, Random random, double odds) {
        space(out, random, odds);
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof String s) {
            writeString(s, out, random, odds);
        } else if (value instanceof Long l) {
            out.append(deviate(random, odds) ? longForm(l, random) : Long.toString(l));
        } else if (value instanceof Double d) {
            out.append(deviate(random, odds) ? doubleForm(d, random) : canonicalOrPlain(d));
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> members = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                members.add(new AbstractMap.SimpleEntry<>((String) e.getKey(), e.getValue()));
            }
            members.sort(Map.Entry.comparingByKey());
            if (deviate(random, odds) && members.size() > 1) {
                int i = random.nextInt(members.size() - 1);
                Collections.swap(members, i, i + 1);
            }
            if (deviate(random, odds) && !members.isEmpty()) {
                int i = random.nextInt(members.size());
                members.add(i, members.get(i));
            }
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    space(out, random, odds);
                    out.append(',');
                }
                space(out, random, odds);
                writeString(members.get(i).getKey(), out, random, odds);
                space(out, random, odds);
                out.append(':');
                write(members.get(i).getValue(), out, random, odds);
            }
            space(out, random, odds);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out, random, odds);
            }
            space(out, random, odds);
            out.append(']');
        }
        space(out, random, odds);
    }

    private static boolean deviate(Random random, double odds) {
        return random.nextDouble() < odds;
    }

    private static void space(StringBuilder out, Random random, double odds) {
        if (deviate(random, odds / 4)) {
            out.append(" \n\t\r".charAt(random.nextInt(4)));
        }
    }

    private static String canonicalOrPlain(double d) {
        try {
            return Jcs.formatNumber(d);
        } catch (IllegalArgumentException e) {
            return "0";
        }
    }

    private static String longForm(long l, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> l + ".0";
            case 1 -> l == 0 ? "-0" : "0" + Math.abs(l);
            case 2 -> l + "e0";
            case 3 -> l + "E+0";
            case 4 -> "+" + l;
            case 5 -> Double.toString((double) l);
            default -> l / 10 + "e1";
        };
    }

    private static String doubleForm(double d, Random random) {
        String canonical = canonicalOrPlain(d);
        return switch (random.nextInt(8)) {
            case 0 -> Double.toString(d);
            case 1 -> new java.math.BigDecimal(d).toString();
            case 2 -> canonical.toUpperCase(Locale.ROOT);
            case 3 -> canonical.replace("e+", "e");
            case 4 -> canonical.contains(".") ? canonical + "0" : canonical + ".0";
            case 5 -> new java.math.BigDecimal(canonical).toPlainString();
            case 6 -> "-" + canonical;
            default -> String.format(Locale.ROOT, "%.17g", d);
        };
    }

    private static void writeString(String s, StringBuilder out, Random random, double odds) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (deviate(random, odds / 2)) {
                switch (random.nextInt(5)) {
                    case 0 -> out.append(String.format("\\u%04x", (int) c));
                    case 1 -> out.append(String.format("\\u%04X", (int) c));
                    case 2 -> out.append(c == '/' ? "\\/" : c == '"' ? "\\u0022" : "\\" + "/");
                    case 3 -> out.append(c);
                    default -> out.append(c < 0x20 ? String.valueOf(c) : "\\" + c);
                }
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The canonical bytes with one byte-level change: a byte changed, removed, inserted, or garbage after. */
    private static byte[] damage(byte[] exact, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(exact.length + 1);
        byte[][] inserts = {{' '}, {'\n'}, {','}, {'"'}, {'\\'}, {'0'}, {'-'}, {'.'}, {'e'}, {'}'}, {']'}, {0},
            {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC3, (byte) 0xA9},
            {'\\', 'u', '0', '0', '4', '1'}, {'\\', '/'}, {'1'}, {'{', '}'}, {'[', ']'}, {'n', 'u', 'l', 'l'}};
        switch (random.nextInt(4)) {
            case 0 -> {
                out.write(exact, 0, at);
                if (at < exact.length) {
                    out.write(random.nextBoolean() ? random.nextInt(256) : "{}[]\",:\\0-.eE+ a".charAt(
                            random.nextInt(16)));
                    out.write(exact, at + 1, exact.length - at - 1);
                }
            }
            case 1 -> {
                out.write(exact, 0, at);
                if (at < exact.length) {
                    out.write(exact, at + 1, exact.length - at - 1);
                }
            }
            case 2 -> {
                out.write(exact, 0, at);
                out.writeBytes(inserts[random.nextInt(inserts.length)]);
                out.write(exact, at, exact.length - at);
            }
            default -> {
                out.writeBytes(exact);
                out.writeBytes(inserts[random.nextInt(inserts.length)]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
