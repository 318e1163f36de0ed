package com.itadcustody.custody.internal.tlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decides in a single pass over UTF-8 bytes whether they are exactly the RFC 8785 canonical JSON that {@link Jcs}
 * writes (the verdict of {@link Jcs#isCanonical}, without building a tree or writing anything), and on the way
 * notes where the values of chosen members of the top-level object are.
 *
 * <p>The rules are those of {@link Jcs}: no whitespace; object member names strictly increasing as UTF-16 code
 * units (so no duplicates); strings escaped exactly as JCS escapes them, in well-formed UTF-8; numbers in the
 * ECMAScript shortest form, integer literals within ±2^53; {@code true}, {@code false}, {@code null}; nothing
 * after the value. Like the strict parser behind {@link Jcs#isCanonical}, it refuses more than
 * {@value #MAX_DEPTH} nested containers, member names of more than {@value #MAX_NAME_LENGTH} UTF-16 code units and
 * strings of more than {@value #MAX_STRING_LENGTH} (Jackson's default stream read constraints).
 *
 * <p>Immutable and thread-safe; every scan returns a {@link Result} of its own.
 */
public final class CanonicalJsonScanner {

    /** Most containers nested in each other that the strict parser of {@link Jcs} accepts. */
    static final int MAX_DEPTH = 1000;
    /** Longest member name, in UTF-16 code units, that the strict parser of {@link Jcs} accepts. */
    static final int MAX_NAME_LENGTH = 50_000;
    /** Longest string value, in UTF-16 code units, that the strict parser of {@link Jcs} accepts. */
    static final int MAX_STRING_LENGTH = 20_000_000;

    private static final long MAX_SAFE_INTEGER = 1L << 53;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** The type of a member's value, {@link #ABSENT} if the top-level object has no such member. */
    public enum Kind {
        /** No such member (or the text is not an object). */
        ABSENT,
        /** A string. */
        STRING,
        /** A number. */
        NUMBER,
        /** {@code true}. */
        TRUE,
        /** {@code false}. */
        FALSE,
        /** {@code null}. */
        NULL,
        /** An object. */
        OBJECT,
        /** An array. */
        ARRAY
    }

    private final byte[][] names;

    /**
     * A scanner that notes the values of these members of the top-level object, which {@link Result} then
     * refers to by their index here; the names must be printable ASCII without {@code "} and {@code \}.
     */
    public CanonicalJsonScanner(String... topLevelNames) {
        names = new byte[topLevelNames.length][];
        for (int i = 0; i < topLevelNames.length; i++) {
            String name = topLevelNames[i];
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                    throw new IllegalArgumentException("member name to note must be printable ASCII without"
                            + " quote or backslash: " + name);
                }
            }
            names[i] = name.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Scans UTF-8 JSON text: whether it is canonical, and where the noted top-level members' values are. */
    public Result scan(byte[] json) {
        Result result = new Result(json, names.length);
        result.canonical = new Pass(json, names, result).document();
        return result;
    }

    /**
     * What one scan found: the verdict, and for each noted member its kind and where its value lies (for a
     * string, the bytes between the quotes, still escaped). Member positions are only meaningful when the text
     * is canonical.
     */
    public static final class Result {

        private final byte[] json;
        /** Per noted member: its kind, null while absent. */
        private final Kind[] kinds;
        /** Per noted member: where its value starts and ends, interleaved. */
        private final int[] spans;
        private boolean canonical;

        private Result(byte[] json, int members) {
            this.json = json;
            this.kinds = new Kind[members];
            this.spans = new int[2 * members];
        }

        /** Whether the text is canonical JSON, exactly as {@link Jcs#isCanonical} decides. */
        public boolean canonical() {
            return canonical;
        }

        /** The kind of the noted member's value; {@link Kind#ABSENT} if the top-level object lacks it. */
        public Kind kind(int member) {
            Kind kind = kinds[member];
            return kind == null ? Kind.ABSENT : kind;
        }

        /** Offset of the member's value in the text (for a string, of its first byte after the quote). */
        public int start(int member) {
            return spans[2 * member];
        }

        /** Offset just after the member's value (for a string, of its closing quote). */
        public int end(int member) {
            return spans[2 * member + 1];
        }

        /** Whether the member's value is a string whose text is exactly these ASCII characters. */
        public boolean stringEquals(int member, String ascii) {
            if (kinds[member] != Kind.STRING || end(member) - start(member) != ascii.length()) {
                return false;
            }
            // canonical strings escape only '"', '\' and controls, none of them printable ASCII: compare bytes
            for (int i = 0, p = start(member); i < ascii.length(); i++, p++) {
                char c = ascii.charAt(i);
                if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || json[p] != c) {
                    return false;
                }
            }
            return true;
        }

        /** The member's value as an integer if it is an integer literal, else {@code otherwise}. */
        public long integer(int member, long otherwise) {
            if (kinds[member] != Kind.NUMBER) {
                return otherwise;
            }
            int p = start(member);
            int end = end(member);
            boolean negative = json[p] == '-';
            if (negative) {
                p++;
            }
            if (end - p < 1 || end - p > 18) {
                return otherwise;
            }
            long value = 0;
            for (; p < end; p++) {
                byte d = json[p];
                if (d < '0' || d > '9') {
                    return otherwise;
                }
                value = value * 10 + (d - '0');
            }
            return negative ? -value : value;
        }

        /** The member's string value, unescaped; null if it is not a string. */
        public String string(int member) {
            if (kinds[member] != Kind.STRING) {
                return null;
            }
            int start = start(member);
            int end = end(member);
            StringBuilder out = new StringBuilder(end - start);
            int run = start;
            int p = start;
            while (p < end) {
                if (json[p] != '\\') {
                    p++;
                    continue;
                }
                out.append(new String(json, run, p - run, StandardCharsets.UTF_8));
                byte e = json[p + 1];
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'u' -> out.append((char) Integer.parseInt(new String(json, p + 2, 4,
                            StandardCharsets.US_ASCII), 16));
                    default -> out.append((char) e);
                }
                p += e == 'u' ? 6 : 2;
                run = p;
            }
            return out.append(new String(json, run, end - run, StandardCharsets.UTF_8)).toString();
        }

        /** The member's value as JSON text (a string with its quotes); null if absent. */
        public String text(int member) {
            if (kinds[member] == null) {
                return null;
            }
            int start = kinds[member] == Kind.STRING ? start(member) - 1 : start(member);
            int end = kinds[member] == Kind.STRING ? end(member) + 1 : end(member);
            return new String(json, start, end - start, StandardCharsets.UTF_8);
        }

        private void note(int member, int start, int end) {
            Kind kind = switch (json[start]) {
                case '"' -> Kind.STRING;
                case '{' -> Kind.OBJECT;
                case '[' -> Kind.ARRAY;
                case 't' -> Kind.TRUE;
                case 'f' -> Kind.FALSE;
                case 'n' -> Kind.NULL;
                default -> Kind.NUMBER;
            };
            kinds[member] = kind;
            spans[2 * member] = kind == Kind.STRING ? start + 1 : start;
            spans[2 * member + 1] = kind == Kind.STRING ? end - 1 : end;
        }
    }

    /**
     * One scan: a loop over the bytes with an explicit stack of the open containers (at most {@link #MAX_DEPTH}),
     * so that deep nesting needs no deep recursion.
     */
    private static final class Pass {

        /** In place of the previous member name's start: the container is an array. */
        private static final int ARRAY = -2;
        /** In place of the previous member name's start: the container is an object with no member yet. */
        private static final int NO_MEMBER = -1;

        private final byte[] b;
        private final int n;
        private final byte[][] names;
        private final Result result;
        private int p;
        /**
         * Per open container at depth d (from 1), at 2d and 2d + 1: for an object, where its previous member name
         * starts and ends ({@link #NO_MEMBER} before the first); for an array, {@link #ARRAY}.
         */
        private int[] stack = new int[16];

        Pass(byte[] json, byte[][] names, Result result) {
            this.b = json;
            this.n = json.length;
            this.names = names;
            this.result = result;
        }

        boolean document() {
            int depth = 0;
            int member = -1;
            int memberStart = 0;
            while (true) {
                // a value starts at p
                if (p >= n) {
                    return false;
                }
                byte c = b[p];
                if (c == '{' || c == '[') {
                    if (++depth > MAX_DEPTH) {
                        return false;
                    }
                    open(depth, c == '{' ? NO_MEMBER : ARRAY);
                    p++;
                    if (p < n && b[p] == (c == '{' ? '}' : ']')) {
                        p++;
                        depth--;
                    } else {
                        if (c == '{') {
                            if (!name(depth)) {
                                return false;
                            }
                            if (depth == 1) {
                                member = noted(stack[2], stack[3]);
                                memberStart = p;
                            }
                        }
                        continue;
                    }
                } else if (!scalar(c)) {
                    return false;
                }
                // a value ended at p: go on in the containers it closes, up to where the next value starts
                while (true) {
                    if (depth == 0) {
                        return p == n;
                    }
                    if (depth == 1 && member >= 0) {
                        result.note(member, memberStart, p);
                        member = -1;
                    }
                    if (p >= n) {
                        return false;
                    }
                    byte next = b[p++];
                    boolean inObject = stack[2 * depth] != ARRAY;
                    if (next == ',') {
                        if (inObject) {
                            if (!name(depth)) {
                                return false;
                            }
                            if (depth == 1) {
                                member = noted(stack[2], stack[3]);
                                memberStart = p;
                            }
                        }
                        break;
                    }
                    if (next != (inObject ? '}' : ']')) {
                        return false;
                    }
                    depth--;
                }
            }
        }

        private void open(int depth, int type) {
            if (2 * depth + 1 >= stack.length) {
                stack = Arrays.copyOf(stack, 2 * stack.length);
            }
            stack[2 * depth] = type;
        }

        /**
         * A member name and its colon at {@code p}, in the object open at {@code depth}: it must sort after the
         * object's previous member name, which it then becomes.
         */
        private boolean name(int depth) {
            if (p >= n || b[p] != '"') {
                return false;
            }
            int start = p + 1;
            if (!string(MAX_NAME_LENGTH)) {
                return false;
            }
            int end = p - 1;
            int previous = stack[2 * depth];
            if (previous != NO_MEMBER && compareNames(previous, stack[2 * depth + 1], start, end) >= 0) {
                return false;
            }
            stack[2 * depth] = start;
            stack[2 * depth + 1] = end;
            if (p >= n || b[p] != ':') {
                return false;
            }
            p++;
            return true;
        }

        /** A string, number or literal starting with {@code c} at {@code p}. */
        private boolean scalar(byte c) {
            return switch (c) {
                case '"' -> string(MAX_STRING_LENGTH);
                case 't' -> literal(TRUE);
                case 'f' -> literal(FALSE);
                case 'n' -> literal(NULL);
                default -> number();
            };
        }

        /** Which noted member the name between these offsets is, or -1. */
        private int noted(int start, int end) {
            int length = end - start;
            for (int i = 0; i < names.length; i++) {
                byte[] name = names[i];
                if (name.length == length && sameBytes(start, name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether the bytes at {@code start} are those of {@code word} (short: a loop beats a vectorised compare). */
        private boolean sameBytes(int start, byte[] word) {
            for (int k = 0; k < word.length; k++) {
                if (b[start + k] != word[k]) {
                    return false;
                }
            }
            return true;
        }

        /** A string at {@code p} (its opening quote) of at most {@code limit} UTF-16 code units. */
        private boolean string(int limit) {
            byte[] b = this.b;
            int n = this.n;
            int start = p + 1;
            int i = start;
            while (true) {
                // eight bytes at a time up to the next one that is not printable ASCII, '"' or '\'
                while (i + Long.BYTES <= n) {
                    long special = special((long) LONGS.get(b, i));
                    if (special != 0) {
                        i += Long.numberOfTrailingZeros(special) >>> 3;
                        break;
                    }
                    i += Long.BYTES;
                }
                if (i >= n) {
                    return false;
                }
                byte c = b[i];
                if (c >= 0x20 && c != '"' && c != '\\') {
                    // printable ASCII and U+007F (as a signed byte, non-ASCII is negative)
                    i++;
                } else if (c == '"') {
                    break;
                } else if (c == '\\') {
                    p = i;
                    if (!escape()) {
                        return false;
                    }
                    i = p;
                } else {
                    p = i;
                    if (c >= 0 || !multiByte()) {
                        return false;
                    }
                    i = p;
                }
            }
            p = i + 1;
            // every code unit takes at least one byte, so only a long string needs counting
            return i - start <= limit || codeUnits(start, i) <= limit;
        }

        /**
         * The high bit of every byte of {@code x} (little-endian) that a string cannot hold as it is: a control
         * character, '"', '\\' or a non-ASCII byte; the lowest one set is always such a byte (higher ones may be
         * carries from it).
         */
        private static long special(long x) {
            long control = (x - 0x2020202020202020L) & ~x;
            long quote = x ^ 0x2222222222222222L;
            long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
            return (x | control | ((quote - 0x0101010101010101L) & ~quote)
                    | ((backslash - 0x0101010101010101L) & ~backslash)) & 0x8080808080808080L;
        }

        /** An escape at {@code p}: only those JCS writes ({@code \" \\ \b \t \n \f \r}, other controls). */
        private boolean escape() {
            if (p + 1 >= n) {
                return false;
            }
            switch (b[p + 1]) {
                case '"', '\\', 'b', 't', 'n', 'f', 'r' -> {
                    p += 2;
                    return true;
                }
                case 'u' -> {
                    if (p + 5 >= n || b[p + 2] != '0' || b[p + 3] != '0') {
                        return false;
                    }
                    byte high = b[p + 4];
                    int low = lowerHexDigit(b[p + 5]);
                    if ((high != '0' && high != '1') || low < 0) {
                        return false;
                    }
                    int c = (high - '0') << 4 | low;
                    if (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
                        return false;
                    }
                    p += 6;
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        /** A well-formed UTF-8 sequence of two to four bytes at {@code p}: no overlong form, no surrogate. */
        private boolean multiByte() {
            int c = b[p] & 0xFF;
            if (c < 0xC2) {
                return false;
            }
            if (c < 0xE0) {
                if (p + 1 >= n || !continuation(b[p + 1])) {
                    return false;
                }
                p += 2;
                return true;
            }
            if (c < 0xF0) {
                if (p + 2 >= n) {
                    return false;
                }
                int c1 = b[p + 1] & 0xFF;
                boolean second = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF
                        : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F
                        : (c1 & 0xC0) == 0x80;
                if (!second || !continuation(b[p + 2])) {
                    return false;
                }
                p += 3;
                return true;
            }
            if (c < 0xF5) {
                if (p + 3 >= n) {
                    return false;
                }
                int c1 = b[p + 1] & 0xFF;
                boolean second = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF
                        : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F
                        : (c1 & 0xC0) == 0x80;
                if (!second || !continuation(b[p + 2]) || !continuation(b[p + 3])) {
                    return false;
                }
                p += 4;
                return true;
            }
            return false;
        }

        private static boolean continuation(byte c) {
            return (c & 0xC0) == 0x80;
        }

        private static int lowerHexDigit(byte c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            return -1;
        }

        /** UTF-16 code units of a string already checked, from its escaped UTF-8 bytes. */
        private int codeUnits(int start, int end) {
            int units = 0;
            int i = start;
            while (i < end) {
                int c = b[i] & 0xFF;
                if (c == '\\') {
                    i += b[i + 1] == 'u' ? 6 : 2;
                } else {
                    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                }
                units += c >= 0xF0 ? 2 : 1;
            }
            return units;
        }

        private boolean literal(byte[] word) {
            if (p + word.length > n || !sameBytes(p, word)) {
                return false;
            }
            p += word.length;
            return true;
        }

        /**
         * A number at {@code p}: an integer literal must be the plain decimal form of an integer within ±2^53 (no
         * sign but {@code -}, no leading zero, no {@code -0}); any other must be what {@link Jcs#formatNumber}
         * writes for the double it denotes.
         */
        private boolean number() {
            int start = p;
            boolean integral = true;
            while (p < n) {
                byte c = b[p];
                if ((c >= '0' && c <= '9') || c == '-') {
                    p++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                    integral = false;
                    p++;
                } else {
                    break;
                }
            }
            if (p == start) {
                return false;
            }
            return integral ? canonicalInteger(start, p) : canonicalFloat(start, p);
        }

        private boolean canonicalInteger(int start, int end) {
            int i = start;
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            int digits = end - i;
            // 2^53 has 16 digits
            if (digits == 0 || digits > 16) {
                return false;
            }
            if (b[i] == '0') {
                return digits == 1 && !negative;
            }
            long value = 0;
            for (; i < end; i++) {
                byte d = b[i];
                if (d < '0' || d > '9') {
                    return false;
                }
                value = value * 10 + (d - '0');
            }
            return value <= MAX_SAFE_INTEGER;
        }

        private boolean canonicalFloat(int start, int end) {
            String token = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
            try {
                return Jcs.formatNumber(Double.parseDouble(token)).equals(token);
            } catch (IllegalArgumentException notANumberOrNotFinite) {
                return false;
            }
        }

        /**
         * Compares two member names already checked (escaped UTF-8 between quotes) as sequences of UTF-16 code
         * units, as {@link String#compareTo} would compare them unescaped.
         */
        private int compareNames(int aStart, int aEnd, int bStart, int bEnd) {
            int i = aStart;
            int j = bStart;
            while (i < aEnd && j < bEnd) {
                byte x = b[i];
                byte y = b[j];
                boolean plain = x >= 0 && y >= 0 && x != '\\' && y != '\\';
                if (plain) {
                    // two ASCII characters written as they are: their bytes are their code units
                    if (x != y) {
                        return x - y;
                    }
                    i++;
                    j++;
                    continue;
                }
                long first = codePoint(i);
                long second = codePoint(j);
                int keyA = (int) (first >>> 32);
                int keyB = (int) (second >>> 32);
                if (keyA != keyB) {
                    return Integer.compare(keyA, keyB);
                }
                i = (int) first;
                j = (int) second;
            }
            return Boolean.compare(i < aEnd, j < bEnd);
        }

        /**
         * The code point at {@code i} of a checked string, as a key that orders like its UTF-16 form (U+E000 to
         * U+FFFF after the supplementary characters, whose surrogates come first), in the upper half, and the
         * offset after it in the lower half.
         */
        private long codePoint(int i) {
            int c = b[i] & 0xFF;
            int cp;
            int next;
            if (c == '\\') {
                byte e = b[i + 1];
                next = i + 2;
                cp = switch (e) {
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    case 'u' -> (b[i + 4] - '0') << 4 | lowerHexDigit(b[i + 5]);
                    default -> e;
                };
                if (e == 'u') {
                    next = i + 6;
                }
            } else if (c < 0x80) {
                cp = c;
                next = i + 1;
            } else if (c < 0xE0) {
                cp = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
                next = i + 2;
            } else if (c < 0xF0) {
                cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
                next = i + 3;
            } else {
                cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
                next = i + 4;
            }
            int key = cp >= 0xE000 && cp <= 0xFFFF ? cp + 0x110000 : cp;
            return (long) key << 32 | next;
        }
    }
}
