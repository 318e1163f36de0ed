package com.itadcustody.partner.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.InputRejected.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * Reads an erasure report as a whole (docs/erasure-report-format.md): strictly UTF-8, the layout recognised from
 * the content, XML without any DOCTYPE (so no DTD, no entity, no external file or URL is ever read). A file that
 * cannot be read completely is refused with every problem found ({@link InputRejected}); nothing is applied from it.
 */
final class ErasureReportParser {

    /** The generic fields, in the documented column order. */
    static final List<String> FIELDS = List.of("mediumSerial", "assetSerial", "methodType", "technique", "tool",
            "toolVersion", "operator", "result", "startedAt", "finishedAt", "verificationMethod", "notes");
    /** The generic fields every record must have. */
    static final List<String> REQUIRED = List.of("mediumSerial", "methodType", "technique", "operator", "result",
            "startedAt", "finishedAt", "verificationMethod");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("mediumSerial", 200, "assetSerial", 200, "tool",
            200, "toolVersion", 100, "operator", 200, "notes", 2000, "methodDetails", 500);
    private static final int LISTED = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A report read as a whole. */
    record Parsed(ErasureReportFormat format, List<ErasureRecord> records) {
    }

    private ErasureReportParser() {
    }

    /** Reads the whole file, or refuses it naming every reason. */
    static Parsed parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw refused(HttpStatus.BAD_REQUEST, "empty-file", null, "file", "required", "the file is empty");
        }
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw refused(HttpStatus.BAD_REQUEST, "empty-file", null, "file", "required", "the file holds no data");
        }
        Parsed parsed = switch (start.charAt(0)) {
            case '<' -> xml(bytes);
            case '{', '[' -> json(text);
            default -> csv(text);
        };
        if (parsed.records().isEmpty()) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY, "empty-report", null, "records", "required",
                    "the report holds no record");
        }
        return parsed;
    }

    /** Decodes strictly: any byte sequence that is not UTF-8, or a NUL (UTF-16 text), refuses the file. */
    static String utf8(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw notUtf8("the file starts with a UTF-16 byte order mark; save it as UTF-8");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(invalidAt(bytes));
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw notUtf8("the file contains NUL characters (UTF-16 or binary?); save it as UTF-8");
        }
        return text;
    }

    private static String invalidAt(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return "the file is not valid UTF-8 (first invalid byte at offset " + in.position()
                        + "; was it saved as Windows-1252 or ISO-8859-1?)";
            }
            if (result.isUnderflow()) {
                return "the file is not valid UTF-8";
            }
            out.clear();
        }
    }

    private static InputRejected notUtf8(String message) {
        return refused(HttpStatus.BAD_REQUEST, "not-utf8", null, "file", "utf-8", message);
    }

    // ---- CSV ----

    private static Parsed csv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
        List<ErasureRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            Map<String, Integer> columns = columns(header);
            Iterator<CSVRecord> rows = parser.iterator();
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                int line = (int) row.getRecordNumber() + 1;
                if (row.size() != header.size()) {
                    problems.add(new Problem(line, null, "column-count", "the row has " + row.size()
                            + " values; the header has " + header.size()));
                    continue;
                }
                ErasureRecord record = generic(line, name -> {
                    Integer i = columns.get(name);
                    return i == null ? null : row.get(i);
                }, problems);
                if (record != null) {
                    records.add(record);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw refused(HttpStatus.BAD_REQUEST, "malformed-csv", null, "file", "csv",
                    "the file is not readable CSV: " + e.getMessage());
        }
        return done(ErasureReportFormat.GENERIC_CSV, records, problems);
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String type = null;
        for (int i = 0; i < header.size(); i++) {
            String given = header.get(i) == null ? "" : header.get(i).strip();
            String name = canonical(given);
            if (name == null) {
                problems.add(new Problem(1, given, "unknown-column", "unknown column '" + given + "'; the columns"
                        + " are " + String.join(", ", FIELDS)));
                type = type == null ? "unknown-column" : type;
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new Problem(1, name, "duplicate-column", "column " + name + " appears twice"));
                type = type == null ? "duplicate-column" : type;
            }
        }
        List<String> missing = REQUIRED.stream().filter(f -> !columns.containsKey(f)).toList();
        for (String field : missing) {
            problems.add(new Problem(1, field, "missing-column", "required column " + field + " is missing"));
        }
        if (!missing.isEmpty()) {
            type = "missing-column";
        }
        if (!problems.isEmpty()) {
            throw new InputRejected(HttpStatus.BAD_REQUEST, type, missing.isEmpty()
                    ? "the header row is not the documented one"
                    : "required columns are missing: " + String.join(", ", missing), problems, problems.size());
        }
        return columns;
    }

    private static String canonical(String column) {
        return FIELDS.stream().filter(f -> f.equalsIgnoreCase(column)).findFirst().orElse(null);
    }

    // ---- JSON ----

    private static Parsed json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw refused(HttpStatus.BAD_REQUEST, "malformed-json", null, "file", "json",
                    "the file is not readable JSON: " + e.getOriginalMessage() + " (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        JsonNode array = root.isArray() ? root : root.get("records");
        if (array == null || !array.isArray()) {
            throw refused(HttpStatus.BAD_REQUEST, "missing-field", null, "records", "required",
                    "the JSON report needs an array \"records\"");
        }
        List<ErasureRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int position = 0;
        for (JsonNode node : array) {
            position++;
            if (!node.isObject()) {
                problems.add(new Problem(position, null, "object", "each record is a JSON object"));
                continue;
            }
            boolean clean = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!FIELDS.contains(field.getKey())) {
                    problems.add(new Problem(position, field.getKey(), "unknown-field", "unknown field '"
                            + field.getKey() + "'"));
                    clean = false;
                } else if (!field.getValue().isNull() && !field.getValue().isValueNode()) {
                    problems.add(new Problem(position, field.getKey(), "invalid-value", "must be a string"));
                    clean = false;
                }
            }
            int line = position;
            ErasureRecord record = generic(line, name -> {
                JsonNode value = node.get(name);
                return value == null || value.isNull() ? null : value.asText();
            }, problems);
            if (record != null && clean) {
                records.add(record);
            }
        }
        return done(ErasureReportFormat.GENERIC_JSON, records, problems);
    }

    // ---- XML ----

    /** An XML element as read: name, attributes, text and child elements. */
    record Element(String name, Map<String, String> attributes, String text, List<Element> children) {

        Element child(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).findFirst().orElse(null);
        }

        String childText(String childName) {
            Element c = child(childName);
            return c == null || c.text().isBlank() ? null : c.text().strip();
        }
    }

    private static Parsed xml(byte[] bytes) {
        Element root = readXml(bytes);
        return switch (root.name()) {
            case "erasure-records" -> genericXml(root);
            case "erasure-report", "erasure-reports" -> ToolReport.read(root);
            default -> throw refused(HttpStatus.BAD_REQUEST, "unknown-layout", null, "file", "layout",
                    "unknown XML report <" + root.name() + ">; expected <erasure-records> (generic format) or"
                            + " <erasure-report> (erasure tool layout)");
        };
    }

    static Element readXml(byte[] bytes) {
        // the JDK's own StAX parser, whatever else is on the class path, so that these settings are known to hold
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes), "UTF-8");
            String declared = reader.getCharacterEncodingScheme();
            if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
                throw notUtf8("the XML declaration says encoding=\"" + declared + "\"; only UTF-8 is accepted");
            }
            List<Element> stack = new ArrayList<>();
            List<StringBuilder> texts = new ArrayList<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw refused(HttpStatus.BAD_REQUEST, "xml-doctype-refused",
                            null, "file", "no-doctype", "the XML has a DOCTYPE; DTDs and entity declarations are"
                                    + " refused (no external file or URL is ever read)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refused(HttpStatus.BAD_REQUEST,
                            "xml-doctype-refused", null, "file", "no-entities", "the XML refers to the entity &"
                                    + reader.getLocalName() + "; entities are refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        Element element = new Element(reader.getLocalName(), attributes, "", new ArrayList<>());
                        if (!stack.isEmpty()) {
                            stack.get(stack.size() - 1).children().add(element);
                        } else {
                            root = element;
                        }
                        stack.add(element);
                        texts.add(new StringBuilder());
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!texts.isEmpty()) {
                            texts.get(texts.size() - 1).append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = stack.remove(stack.size() - 1);
                        String text = texts.remove(texts.size() - 1).toString();
                        Element withText = new Element(done.name(), done.attributes(), text, done.children());
                        if (!stack.isEmpty()) {
                            List<Element> siblings = stack.get(stack.size() - 1).children();
                            siblings.set(siblings.size() - 1, withText);
                        } else {
                            root = withText;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw refused(HttpStatus.BAD_REQUEST, "malformed-xml", null, "file", "xml", "the XML has no"
                        + " root element");
            }
            return root;
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at"
                    + " \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            if (message.contains("DOCTYPE") || message.contains("DTD")
                    || message.contains("was referenced, but not declared")) {
                throw refused(HttpStatus.BAD_REQUEST, "xml-doctype-refused", null, "file", "no-doctype",
                        "the XML uses a DOCTYPE or entities, which are refused (no external file or URL is ever"
                                + " read): " + message.strip());
            }
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ")";
            throw refused(HttpStatus.BAD_REQUEST, "malformed-xml", null, "file", "xml",
                    "the file is not well-formed XML" + where + ": " + message.strip());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open: the input is a byte array
                }
            }
        }
    }

    private static Parsed genericXml(Element root) {
        List<ErasureRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int position = 0;
        for (Element element : root.children()) {
            if (!element.name().equals("record")) {
                problems.add(new Problem(null, element.name(), "unknown-element", "unknown element <"
                        + element.name() + "> in <erasure-records>; expected <record>"));
                continue;
            }
            position++;
            boolean clean = true;
            Set<String> seen = new HashSet<>();
            for (Element field : element.children()) {
                if (!FIELDS.contains(field.name())) {
                    problems.add(new Problem(position, field.name(), "unknown-field", "unknown element <"
                            + field.name() + ">"));
                    clean = false;
                } else if (!seen.add(field.name())) {
                    problems.add(new Problem(position, field.name(), "duplicate-field", "<" + field.name()
                            + "> appears twice"));
                    clean = false;
                }
            }
            ErasureRecord record = generic(position, element::childText, problems);
            if (record != null && clean) {
                records.add(record);
            }
        }
        return done(ErasureReportFormat.GENERIC_XML, records, problems);
    }

    // ---- the generic fields ----

    private static ErasureRecord generic(int line, Function<String, String> get, List<Problem> problems) {
        int before = problems.size();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = get.apply(field);
            value = value == null || value.isBlank() ? null : value.strip();
            values.put(field, value);
            if (value == null && REQUIRED.contains(field)) {
                problems.add(new Problem(line, field, "required", field + " is required"));
            } else if (value != null && MAX_LENGTH.containsKey(field) && value.length() > MAX_LENGTH.get(field)) {
                problems.add(new Problem(line, field, "max-length", field + " is longer than "
                        + MAX_LENGTH.get(field) + " characters"));
            }
        }
        SanitizationMethodType methodType = choice(line, "methodType", values.get("methodType"),
                SanitizationMethodType.class, problems);
        SanitizationTechnique technique = choice(line, "technique", values.get("technique"),
                SanitizationTechnique.class, problems);
        VerificationMethod verification = choice(line, "verificationMethod", values.get("verificationMethod"),
                VerificationMethod.class, problems);
        Boolean passed = result(line, "result", values.get("result"), problems);
        OffsetDateTime started = timestamp(line, "startedAt", values.get("startedAt"), problems);
        OffsetDateTime finished = timestamp(line, "finishedAt", values.get("finishedAt"), problems);
        if (problems.size() > before) {
            return null;
        }
        return new ErasureRecord(line, values.get("mediumSerial"), values.get("assetSerial"), methodType, technique,
                null, values.get("tool"), values.get("toolVersion"), values.get("operator"), passed, started,
                finished, verification, values.get("notes"), null);
    }

    static <E extends Enum<E>> E choice(Integer line, String field, String value, Class<E> type,
            List<Problem> problems) {
        if (value == null) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, field, "invalid-value", "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Boolean result(Integer line, String field, String value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "passed" -> true;
            case "failed" -> false;
            default -> {
                problems.add(new Problem(line, field, "invalid-value", "'" + value + "' is not passed or failed"));
                yield null;
            }
        };
    }

    static OffsetDateTime timestamp(Integer line, String field, String value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, field, "invalid-value", "'" + value + "' is not an ISO 8601 timestamp"
                    + " with offset, e.g. 2026-11-30T09:12:00+01:00"));
            return null;
        }
    }

    static Parsed done(ErasureReportFormat format, List<ErasureRecord> records, List<Problem> problems) {
        if (!problems.isEmpty()) {
            String fields = problems.stream().filter(p -> "required".equals(p.rule())).map(Problem::field)
                    .distinct().limit(12).reduce((a, b) -> a + ", " + b).orElse(null);
            throw new InputRejected(HttpStatus.UNPROCESSABLE_ENTITY, "report-invalid", problems.size()
                    + " problem" + (problems.size() == 1 ? "" : "s") + " in the report; nothing was applied"
                    + (fields == null ? "" : "; missing required fields: " + fields),
                    problems.subList(0, Math.min(LISTED, problems.size())), problems.size());
        }
        return new Parsed(format, records);
    }

    static InputRejected refused(HttpStatus status, String type, Integer line, String field, String rule,
            String message) {
        return new InputRejected(status, type, message, List.of(new Problem(line, field, rule, message)), 1);
    }
}
