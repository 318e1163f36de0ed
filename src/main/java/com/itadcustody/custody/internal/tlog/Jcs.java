package com.itadcustody.custody.internal.tlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence for a JSON value that signers and verifiers
 * agree on.
 *
 * <ul>
 * <li>No whitespace; object members sorted by their names compared as arrays of UTF-16 code units (which is
 * {@link String#compareTo}); array order kept.</li>
 * <li>Strings (RFC 8785 §3.2.2.2): {@code "} and {@code \} escaped with a backslash; U+0008, U+0009, U+000A, U+000C,
 * U+000D as {@code \b \t \n \f \r}; the other controls below U+0020 as <code>&#92;u00XX</code> in lower-case hex; every
 * other character, including U+007F, {@code /} and non-ASCII, written literally in UTF-8. Lone surrogates are
 * rejected.</li>
 * <li>Numbers (RFC 8785 §3.2.2.3): IEEE 754 doubles written as ECMAScript {@code Number.prototype.toString} does
 * (shortest round-tripping digits, exponent form below 1e-6 and from 1e21, {@code -0} as {@code 0}); NaN and
 * infinities are rejected. This class implements the full double algorithm ({@link #formatNumber}).</li>
 * <li>Deliberate restriction: values of an <em>integral</em> Java or Jackson type ({@code Byte}, {@code Short},
 * {@code Integer}, {@code Long}, {@code BigInteger}, and integer literals in JSON text) must lie within ±2^53;
 * outside that range a JCS double would silently round them (an identifier or counter would change), so they are
 * rejected with {@link IllegalArgumentException} and must be sent as strings (the I-JSON rule, RFC 7493). Values
 * of a floating type ({@code Double}, {@code Float} widened exactly, {@code BigDecimal}, and fraction or exponent
 * literals in JSON text) are converted to the nearest double, as RFC 8785 prescribes.</li>
 * <li>Duplicate member names in JSON text are rejected.</li>
 * </ul>
 *
 * <p>Accepted trees: Jackson {@link JsonNode}s, or {@code Map} (with {@code String} keys), {@code List},
 * {@code Object[]}, {@code String}, {@code Boolean}, the {@code Number} types above and {@code null}. Anything else
 * is rejected rather than guessed at (convert UUIDs, instants and enums to strings first).
 */
public final class Jcs {

    /** Integers beyond ±2^53 cannot all be represented exactly as a double. */
    private static final long MAX_SAFE_INTEGER = 1L << 53;

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Jcs() {
    }

    /** The canonical UTF-8 bytes of a JSON tree (a {@link JsonNode} or a Map/List/String/Number/Boolean/null tree). */
    public static byte[] canonicalize(Object tree) {
        return canonicalString(tree).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of a JSON tree as a string (encode it as UTF-8 for hashing). */
    public static String canonicalString(Object tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out, 0);
        return out.toString();
    }

    /** Parses JSON text strictly (no duplicate names, no trailing data) and returns its canonical UTF-8 bytes. */
    public static byte[] canonicalizeJson(String json) {
        try {
            return canonicalize(STRICT_JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses UTF-8 JSON text strictly (invalid UTF-8 included) and returns its canonical UTF-8 bytes. */
    public static byte[] canonicalizeJson(byte[] json) {
        return canonicalizeJson(Codec.utf8(json, "JSON text"));
    }

    /** Whether the bytes are valid JSON already in canonical form (what an audit checks of a stored envelope). */
    public static boolean isCanonical(byte[] json) {
        try {
            return Arrays.equals(canonicalizeJson(json), json);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Formats a double as ECMAScript {@code Number.prototype.toString} (ECMA-262 Number::toString, radix 10) does,
     * which RFC 8785 §3.2.2.3 requires; NaN and infinities are rejected.
     */
    public static String formatNumber(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + formatNumber(-value);
        }
        if (value < MAX_SAFE_INTEGER && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        BigDecimal digits = shortestDigits(value).stripTrailingZeros();
        String s = digits.unscaledValue().toString();
        int k = s.length();
        int n = k - digits.scale();
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? s : s.charAt(0) + "." + s.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /**
     * The decimal s × 10^(n−k) with the fewest digits k that converts back to {@code value}; among two such of
     * the same length, the one closer to the exact value, and on a tie the one with an even s (ECMA-262
     * Number::toString step 5 and its note).
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = Double.parseDouble(down.toString()) == value;
            boolean upOk = Double.parseDouble(up.toString()) == value;
            if (downOk && upOk) {
                int closer = exact.subtract(down).compareTo(up.subtract(exact));
                if (closer != 0) {
                    return closer < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        throw new IllegalStateException("17 significant digits always round-trip a double: " + value);
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > 1000) {
            throw new IllegalArgumentException("JSON nested more than 1000 levels deep");
        }
        if (value instanceof JsonNode node) {
            writeNode(node, out, depth);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number number) {
            writeNumber(number, out);
        } else if (value instanceof Map<?, ?> map) {
            List<Member> members = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("JSON member names must be strings, got "
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
                }
                members.add(new Member(name, entry.getValue()));
            }
            members.sort(Comparator.comparing(Member::name));
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(members.get(i).name(), out);
                out.append(':');
                write(members.get(i).value(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            writeArray(list.iterator(), out, depth);
        } else if (value instanceof Object[] array) {
            writeArray(Arrays.asList(array).iterator(), out, depth);
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getName()
                    + "; convert it to a string, number, boolean, map or list first");
        }
    }

    private static void writeNode(JsonNode node, StringBuilder out, int depth) {
        switch (node.getNodeType()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node.numberValue(), out);
            case ARRAY -> writeArray(node.elements(), out, depth);
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
                members.addAll(node.properties());
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(members.get(i).getKey(), out);
                    out.append(':');
                    writeNode(members.get(i).getValue(), out, depth + 1);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("no canonical JSON form for a " + node.getNodeType()
                    + " node");
        }
    }

    private static void writeArray(Iterator<?> elements, StringBuilder out, int depth) {
        out.append('[');
        boolean first = true;
        while (elements.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(elements.next(), out, depth + 1);
        }
        out.append(']');
    }

    private static void writeNumber(Number number, StringBuilder out) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof AtomicInteger || number instanceof AtomicLong) {
            long v = number.longValue();
            if (v > MAX_SAFE_INTEGER || v < -MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("integer " + v + " is beyond ±2^53 and would lose precision as"
                        + " a JSON number; send it as a string");
            }
            out.append(v);
        } else if (number instanceof BigInteger big) {
            if (big.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
                throw new IllegalArgumentException("integer " + big + " is beyond ±2^53 and would lose precision as"
                        + " a JSON number; send it as a string");
            }
            out.append(big.longValueExact());
        } else if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            out.append(formatNumber(number.doubleValue()));
        } else {
            throw new IllegalArgumentException("no canonical JSON form for number type "
                    + number.getClass().getName());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("string has a lone surrogate U+"
                                + Integer.toHexString(c).toUpperCase() + " at position " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** An object member while sorting; the value may be null. */
    private record Member(String name, Object value) {
    }
}
