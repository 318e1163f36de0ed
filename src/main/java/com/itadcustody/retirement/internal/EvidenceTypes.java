package com.itadcustody.retirement.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells an evidence file's media type from its bytes, never from the name or what the client claims: PDF, PNG,
 * JPEG and MP4 by their magic bytes; UTF-8 text without control characters as XML, JSON, CSV or plain text.
 */
public final class EvidenceTypes {

    /** PDF. */
    public static final String PDF = "application/pdf";
    /** PNG. */
    public static final String PNG = "image/png";
    /** JPEG. */
    public static final String JPEG = "image/jpeg";
    /** MP4 (ISO base media) video. */
    public static final String MP4 = "video/mp4";
    /** XML. */
    public static final String XML = "application/xml";
    /** JSON. */
    public static final String JSON = "application/json";
    /** CSV. */
    public static final String CSV = "text/csv";
    /** Plain text. */
    public static final String TEXT = "text/plain";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] MP4_MAGIC = {'f', 't', 'y', 'p'};

    private EvidenceTypes() {
    }

    /** The file's media type, or empty when it is none of the known kinds. */
    public static Optional<String> sniff(byte[] content) {
        if (at(content, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (at(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (at(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (at(content, 4, MP4_MAGIC)) {
            return Optional.of(MP4);
        }
        return text(content);
    }

    private static Optional<String> text(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank() || text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            return Optional.empty();
        }
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            return Optional.of(XML);
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return Optional.of(JSON);
        }
        int end = start.indexOf('\n');
        String firstLine = end < 0 ? start : start.substring(0, end);
        return Optional.of(firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t") ? CSV : TEXT);
    }

    private static boolean at(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
