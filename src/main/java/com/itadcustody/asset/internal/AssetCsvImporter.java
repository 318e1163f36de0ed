package com.itadcustody.asset.internal;

import static com.itadcustody.asset.internal.AssetCsvColumns.*;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.InputRejected.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports assets with their media from CSV (format in {@link AssetCsvColumns}, documented in docs/csv-format.md).
 * The whole file is validated before anything is written; on any error nothing is written and every bad row and
 * field is reported.
 */
@Service
public class AssetCsvImporter {

    /** At most this many problems are listed in an answer; the total is always given. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final Assets assets;
    private final StorageMedia media;
    private final Validator validator;
    private final CustodyLog custody;

    AssetCsvImporter(Assets assets, StorageMedia media, Validator validator, CustodyLog custody) {
        this.assets = assets;
        this.media = media;
        this.validator = validator;
        this.custody = custody;
    }

    /** What an import took. */
    public record Imported(int assets, int media) {
    }

    /** Validates the whole file and, if it is clean, registers every asset and medium in it in one transaction. */
    @Transactional
    public Imported importCsv(byte[] bytes, Actor actor) {
        List<ParsedAsset> parsed = parse(decode(bytes));
        Instant now = AssetRegistry.now();
        List<Asset> newAssets = new ArrayList<>(parsed.size());
        List<Medium> newMedia = new ArrayList<>();
        for (ParsedAsset p : parsed) {
            AssetInput in = p.input();
            UUID id = UUID.randomUUID();
            newAssets.add(new Asset(id, in.tag(), in.serialNumber(), in.type(), in.make(), in.model(),
                    in.purchaseDate(), in.purchaseCost(), in.currency(), in.warrantyEnd(), in.location(),
                    in.custodian(), in.department(), AssetStatus.IN_SERVICE, 0, now, actor.userId(), now,
                    actor.userId(), List.of()));
            in.media().forEach(m -> newMedia.add(AssetRegistry.newMedium(id, m, actor, now)));
        }
        assets.insertAll(newAssets);
        media.insertAll(newMedia);
        Map<UUID, List<Medium>> mediaByAsset = new HashMap<>();
        newMedia.forEach(m -> mediaByAsset.computeIfAbsent(m.assetId(), k -> new ArrayList<>()).add(m));
        custody.appendAll(newAssets.stream().map(a -> AssetRegistry.registeredEvent(
                a.withMedia(mediaByAsset.getOrDefault(a.id(), List.of())), actor, "csv-import")).toList());
        return new Imported(newAssets.size(), newMedia.size());
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw fileProblem("not-utf8", null, "The file is not valid UTF-8 text; save it as CSV UTF-8.");
        }
    }

    private List<ParsedAsset> parse(String text) {
        if (text.isBlank()) {
            throw fileProblem("empty-file", null, "The file is empty; it needs a header row and at least one row.");
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<Problem> problems = new ArrayList<>();
        Map<String, ParsedAsset> byTag = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = checkHeader(parser.getHeaderNames());
            String previousTag = null;
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    problems.add(new Problem(row, null, "wrong-field-count", "the row has " + record.size()
                            + " fields; the header has " + parser.getHeaderNames().size()));
                    continue;
                }
                Row r = new Row(record, columns, row, problems);
                String tag = r.text(ASSET_TAG);
                if (tag == null) {
                    problems.add(new Problem(row, ASSET_TAG, "required", "asset_tag is required"));
                    continue;
                }
                ParsedAsset asset = byTag.get(tag);
                if (asset == null) {
                    asset = new ParsedAsset(row, r.assetValues(), new ArrayList<>(), new ArrayList<>());
                    byTag.put(tag, asset);
                } else if (!tag.equals(previousTag)) {
                    problems.add(new Problem(row, ASSET_TAG, "duplicate-tag", "asset tag " + tag
                            + " appears again (first at row " + asset.row()
                            + "); rows of one asset must follow each other"));
                } else {
                    r.checkSameAsset(asset);
                }
                previousTag = tag;
                MediumInput medium = r.medium();
                if (medium != null) {
                    asset.media().add(medium);
                    asset.mediaRows().add(row);
                }
            }
        } catch (UncheckedIOException | IOException e) {
            throw fileProblem("malformed-csv", null, "The file is not well-formed CSV: " + describe(e)
                    + ". Check for a quote (\") that is opened but not closed.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw fileProblem("malformed-csv", null, "The file's header row is not usable: " + e.getMessage());
        }
        List<ParsedAsset> parsed = new ArrayList<>(byTag.values());
        if (parsed.isEmpty() && problems.isEmpty()) {
            throw fileProblem("empty-file", null, "The file has a header row but no data rows.");
        }
        validate(parsed, problems);
        checkDuplicates(parsed, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Problem::row, Comparator.nullsFirst(Integer::compare))
                    .thenComparing(p -> Objects.toString(p.field(), "")));
            long badRows = problems.stream().map(Problem::row).distinct().count();
            throw new InputRejected(HttpStatus.UNPROCESSABLE_ENTITY, "csv-invalid", "The file has " + problems.size()
                    + " problem(s) in " + badRows + " row(s); nothing was imported.",
                    problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)), problems.size());
        }
        return parsed;
    }

    private static Map<String, String> checkHeader(List<String> header) {
        Map<String, String> byName = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : header) {
            String normalised = name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!ALL.contains(normalised)) {
                unknown.add(name);
            } else if (byName.put(normalised, name) != null) {
                throw fileProblem("duplicate-column", normalised, "column " + normalised + " appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            throw fileProblem("unknown-column", unknown.get(0), "unknown column(s) " + unknown
                    + "; the columns are " + String.join(", ", ALL));
        }
        List<String> missing = REQUIRED.stream().filter(c -> !byName.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw fileProblem("missing-column", missing.get(0), "required column(s) missing: " + missing);
        }
        return byName;
    }

    private void validate(List<ParsedAsset> parsed, List<Problem> problems) {
        for (ParsedAsset asset : parsed) {
            if (asset.values().invalid()) {
                continue; // already reported while parsing its values
            }
            for (ConstraintViolation<AssetInput> v : validator.validate(asset.input())) {
                String path = v.getPropertyPath().toString();
                if (path.startsWith("media[")) {
                    int index = Integer.parseInt(path.substring(6, path.indexOf(']')));
                    String field = path.substring(path.indexOf("].") + 2);
                    problems.add(new Problem(asset.mediaRows().get(index), mediaColumn(field), "invalid",
                            v.getMessage()));
                } else {
                    problems.add(new Problem(asset.row(), assetColumn(path), "invalid", v.getMessage()));
                }
            }
        }
    }

    private void checkDuplicates(List<ParsedAsset> parsed, List<Problem> problems) {
        Set<String> existingTags = assets.existingTags(parsed.stream().map(p -> p.values().tag()).toList());
        Set<String> existingSerials = assets.existingSerials(parsed.stream().map(p -> p.values().serialNumber())
                .filter(Objects::nonNull).toList());
        Set<String> existingMedia = media.existingSerials(parsed.stream().flatMap(p -> p.media().stream())
                .map(MediumInput::serialNumber).filter(Objects::nonNull).toList());
        Map<String, Integer> serialRows = new HashMap<>();
        Map<String, Integer> mediaRows = new HashMap<>();
        for (ParsedAsset asset : parsed) {
            String tag = asset.values().tag();
            if (existingTags.contains(tag)) {
                problems.add(new Problem(asset.row(), ASSET_TAG, "duplicate-tag",
                        "asset tag " + tag + " is registered already"));
            }
            String serial = asset.values().serialNumber();
            if (serial != null) {
                Integer first = serialRows.putIfAbsent(serial, asset.row());
                if (first != null) {
                    problems.add(new Problem(asset.row(), SERIAL_NUMBER, "duplicate-serial",
                            "serial number " + serial + " is also on row " + first));
                } else if (existingSerials.contains(serial)) {
                    problems.add(new Problem(asset.row(), SERIAL_NUMBER, "duplicate-serial",
                            "serial number " + serial + " belongs to an asset registered already"));
                }
            }
            for (int i = 0; i < asset.media().size(); i++) {
                String mediaSerial = asset.media().get(i).serialNumber();
                if (mediaSerial == null) {
                    continue;
                }
                int row = asset.mediaRows().get(i);
                Integer first = mediaRows.putIfAbsent(mediaSerial, row);
                if (first != null) {
                    problems.add(new Problem(row, MEDIA_SERIAL, "duplicate-media-serial",
                            "media serial number " + mediaSerial + " is also on row " + first));
                } else if (existingMedia.contains(mediaSerial)) {
                    problems.add(new Problem(row, MEDIA_SERIAL, "duplicate-media-serial",
                            "media serial number " + mediaSerial + " is registered already"));
                }
            }
        }
    }

    private static String assetColumn(String field) {
        return switch (field) {
            case "tag" -> ASSET_TAG;
            case "serialNumber" -> SERIAL_NUMBER;
            case "purchaseDate" -> PURCHASE_DATE;
            case "purchaseCost" -> PURCHASE_COST;
            case "warrantyEnd" -> WARRANTY_END;
            case "media" -> MEDIA_SERIAL;
            default -> field;
        };
    }

    private static String mediaColumn(String field) {
        return switch (field) {
            case "mediaType" -> MEDIA_TYPE;
            case "serialNumber" -> MEDIA_SERIAL;
            case "capacityBytes" -> MEDIA_CAPACITY_BYTES;
            default -> "media_" + field;
        };
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
        return message.replace("EOF reached before encapsulated token finished", "the file ends inside a quoted field");
    }

    private static InputRejected fileProblem(String rule, String field, String message) {
        return new InputRejected(HttpStatus.BAD_REQUEST, rule, message,
                List.of(new Problem(null, field, rule, message)), 1);
    }

    /** An asset as read from its rows. */
    private record ParsedAsset(int row, AssetValues values, List<MediumInput> media, List<Integer> mediaRows) {
        AssetInput input() {
            AssetValues v = values;
            return new AssetInput(v.tag(), v.serialNumber(), v.type(), v.make(), v.model(), v.purchaseDate(),
                    v.purchaseCost(), v.currency(), v.warrantyEnd(), v.location(), v.custodian(), v.department(),
                    List.copyOf(media));
        }
    }

    /** The asset columns of one row, parsed; {@code invalid} if a value could not be parsed. */
    private record AssetValues(String tag, String serialNumber, AssetType type, String make, String model,
            LocalDate purchaseDate, BigDecimal purchaseCost, String currency, LocalDate warrantyEnd, String location,
            String custodian, String department, Map<String, String> raw, boolean invalid) {
    }

    /** One CSV row with typed access to its cells, collecting parse problems. */
    private static final class Row {
        private final CSVRecord record;
        private final Map<String, String> columns;
        private final int row;
        private final List<Problem> problems;
        private boolean invalid;

        Row(CSVRecord record, Map<String, String> columns, int row, List<Problem> problems) {
            this.record = record;
            this.columns = columns;
            this.row = row;
            this.problems = problems;
        }

        String text(String column) {
            String header = columns.get(column);
            if (header == null) {
                return null;
            }
            String value = record.get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }

        AssetValues assetValues() {
            Map<String, String> raw = new HashMap<>();
            for (String c : ASSET) {
                raw.put(c, text(c));
            }
            AssetType type = parse(TYPE, v -> AssetType.valueOf(enumName(v)), "one of " + names(AssetType.values()));
            if (text(TYPE) == null) {
                problems.add(new Problem(row, TYPE, "required", "type is required"));
                invalid = true;
            }
            return new AssetValues(text(ASSET_TAG), text(SERIAL_NUMBER), type, text(MAKE), text(MODEL),
                    parse(PURCHASE_DATE, LocalDate::parse, "a date (YYYY-MM-DD)"),
                    parse(PURCHASE_COST, BigDecimal::new, "a number such as 1299.00"),
                    text(CURRENCY) == null ? null : text(CURRENCY).toUpperCase(Locale.ROOT),
                    parse(WARRANTY_END, LocalDate::parse, "a date (YYYY-MM-DD)"),
                    text(LOCATION), text(CUSTODIAN), text(DEPARTMENT), raw, invalid);
        }

        void checkSameAsset(ParsedAsset asset) {
            for (String c : ASSET) {
                String value = text(c);
                String first = asset.values().raw().get(c);
                if (value != null && !value.equals(first)) {
                    problems.add(new Problem(row, c, "conflicting-asset-values", c + " is '" + value + "' here but '"
                            + Objects.toString(first, "") + "' on row " + asset.row() + " of the same asset"));
                }
            }
        }

        MediumInput medium() {
            boolean any = MEDIA.stream().anyMatch(c -> text(c) != null);
            if (!any) {
                return null;
            }
            if (text(MEDIA_TYPE) == null) {
                problems.add(new Problem(row, MEDIA_TYPE, "required", "media_type is required when a row has media"));
            }
            if (text(MEDIA_SERIAL) == null) {
                problems.add(new Problem(row, MEDIA_SERIAL, "required",
                        "media_serial is required when a row has media"));
            }
            MediaType type = parse(MEDIA_TYPE, v -> MediaType.valueOf(enumName(v)),
                    "one of " + names(MediaType.values()));
            Long capacity = parse(MEDIA_CAPACITY_BYTES, Long::valueOf, "a whole number of bytes");
            Boolean selfEncrypting = parse(MEDIA_SELF_ENCRYPTING, Row::bool, "true or false");
            Boolean encrypted = parse(MEDIA_ENCRYPTED_FROM_FIRST_USE, Row::bool, "true or false");
            if (type == null || text(MEDIA_SERIAL) == null) {
                return null;
            }
            return new MediumInput(type, text(MEDIA_MAKE), text(MEDIA_MODEL), text(MEDIA_SERIAL), capacity,
                    selfEncrypting, encrypted);
        }

        private <T> T parse(String column, Function<String, T> parser, String expected) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new Problem(row, column, "invalid-value", "'" + value + "' is not " + expected));
                invalid = true;
                return null;
            }
        }

        private static String enumName(String value) {
            return value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_').replace('/', '_');
        }

        private static Boolean bool(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> throw new IllegalArgumentException(value);
            };
        }

        private static String names(Enum<?>[] values) {
            return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
        }
    }
}
