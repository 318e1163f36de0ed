package com.itadcustody.custody.internal.tlog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Strict text codecs shared by the tlog formats: canonical base64, hex, UTF-8 and line checks. */
final class Codec {

    private static final HexFormat HEX = HexFormat.of();

    private Codec() {
    }

    /** Standard base64 (RFC 4648 §4) with padding. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes standard, padded base64 and insists on the canonical encoding (no missing padding, no stray
     * bits), so that every value has exactly one textual form.
     */
    static byte[] base64Decode(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64: " + abbreviate(text), e);
        }
        if (!base64(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not canonical padded base64: " + abbreviate(text));
        }
        return bytes;
    }

    /** Decodes base64 that must hold exactly one SHA-256 hash. */
    static byte[] base64Hash(String text, String what) {
        byte[] hash = base64Decode(text, what);
        if (hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException(what + " is " + hash.length + " bytes, not a 32-byte SHA-256 hash");
        }
        return hash;
    }

    /** Lower-case hex. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Strict UTF-8 decoding: malformed input is rejected, never replaced. */
    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8", e);
        }
    }

    /** Strict UTF-8 encoding: a lone surrogate is rejected, never replaced by '?'. */
    static byte[] utf8(String text, String what) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid Unicode (lone surrogate)", e);
        }
    }

    /**
     * The position of the first ASCII control character other than newline, or -1; signed notes and
     * everything inside them must not contain any.
     */
    static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the line is free of newlines and other ASCII control characters. */
    static boolean isPlainLine(String line) {
        return line.indexOf('\n') < 0 && firstControlCharacter(line) < 0;
    }

    /** ASCII decimal with no leading zeroes (unless the value is 0), as a non-negative long. */
    static long decimal(String text, String what) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || text.length() > 1 && text.charAt(0) == '0') {
            throw new IllegalArgumentException(what + " is not a decimal number without leading zeroes: "
                    + abbreviate(text));
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is too large: " + text, e);
        }
    }

    /** Shortens user-supplied text for error messages. */
    static String abbreviate(String text) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
