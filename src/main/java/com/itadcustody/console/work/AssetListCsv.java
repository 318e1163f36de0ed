package com.itadcustody.console.work;

import com.itadcustody.asset.AssetLookup;
import com.itadcustody.asset.AssetLookup.AssetRef;
import com.itadcustody.asset.AssetStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV file of assets to retire: a header row with the column {@code assetTag}, {@code serialNumber} or both
 * (any case, any order), then one asset per row, named by its tag or its serial number (both given: they must name
 * the same asset). Every row is checked (known asset, in service, not repeated); the file is taken only when every
 * row is fine.
 */
final class AssetListCsv {

    /** Largest file accepted. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** At most this many assets in one file (the batch's limit). */
    static final int MAX_ROWS = 10_000;
    /** The columns the file may have. */
    static final List<String> COLUMNS = List.of("assetTag", "serialNumber");

    private AssetListCsv() {
    }

    /**
     * What reading the file gave: the file's own refusal (nothing read), else the assets of its rows in file order
     * and each bad row's problem.
     *
     * @param refusal why the file as a whole was refused, or null
     * @param assets the asset of every good row, in file order
     * @param rows how many asset rows the file has
     * @param problems each bad row (line number as in a spreadsheet: the header is line 1) and what is wrong
     */
    record Result(String refusal, List<AssetRef> assets, int rows, List<RowProblem> problems) {

        /** Whether every row named an asset that may be retired. */
        boolean accepted() {
            return refusal == null && problems.isEmpty() && !assets.isEmpty();
        }

        static Result refused(String why) {
            return new Result(why, List.of(), 0, List.of());
        }
    }

    /**
     * One bad row.
     *
     * @param line the line number (header is 1)
     * @param value what the row gave (tag and/or serial number)
     * @param problem what is wrong with it
     */
    record RowProblem(long line, String value, String problem) {
    }

    /** Reads and checks the file against the asset register. */
    static Result read(byte[] content, AssetLookup lookup) {
        if (content.length == 0) {
            return Result.refused("The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            return Result.refused("The file is larger than 2 MB; split it into several files.");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            return Result.refused("The file is not UTF-8 text; save it as CSV UTF-8.");
        }
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setTrim(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, String> columns = new HashMap<>();
            for (String header : parser.getHeaderNames()) {
                String name = header.replace("\uFEFF", "").strip();
                String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
                if (known == null) {
                    return Result.refused("Unknown column \"" + name + "\": the columns are assetTag and"
                            + " serialNumber.");
                }
                if (columns.put(known, header) != null) {
                    return Result.refused("The column " + known + " appears twice.");
                }
            }
            if (columns.isEmpty()) {
                return Result.refused("The first row must name the columns: assetTag, serialNumber or both.");
            }
            for (CSVRecord record : parser) {
                String tag = value(record, columns.get("assetTag"));
                String serial = value(record, columns.get("serialNumber"));
                if (tag == null && serial == null) {
                    boolean blank = record.stream().allMatch(v -> v == null || v.isBlank());
                    if (blank) {
                        continue;
                    }
                }
                if (rows.size() == MAX_ROWS) {
                    return Result.refused("The file names more than " + MAX_ROWS + " assets; split it.");
                }
                rows.add(new Row(record.getRecordNumber() + 1, tag, serial)); // one record a line; the header is line 1
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException malformed) {
            return Result.refused("The file is not a readable CSV file: " + malformed.getMessage());
        } catch (IOException unreadable) {
            return Result.refused("The file could not be read: " + unreadable.getMessage());
        }
        if (rows.isEmpty()) {
            return Result.refused("The file has a header but no assets.");
        }
        return check(rows, lookup);
    }

    private static Result check(List<Row> rows, AssetLookup lookup) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.tag() != null) {
                keys.add(r.tag());
            }
            if (r.serial() != null) {
                keys.add(r.serial());
            }
        });
        Map<String, AssetRef> byTag = new HashMap<>();
        Map<String, AssetRef> bySerial = new HashMap<>();
        for (AssetRef asset : lookup.byTagsOrSerials(keys)) {
            byTag.put(asset.tag(), asset);
            if (asset.serialNumber() != null) {
                bySerial.put(asset.serialNumber(), asset);
            }
        }
        List<AssetRef> assets = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<UUID, Long> seen = new HashMap<>();
        for (Row row : rows) {
            String given = row.describe();
            if (row.tag() == null && row.serial() == null) {
                problems.add(new RowProblem(row.line(), "", "Give the asset tag or the serial number."));
                continue;
            }
            AssetRef byT = row.tag() == null ? null : byTag.get(row.tag());
            AssetRef byS = row.serial() == null ? null : bySerial.get(row.serial());
            if (row.tag() != null && byT == null) {
                problems.add(new RowProblem(row.line(), given, "No asset has the tag " + row.tag() + "."));
                continue;
            }
            if (row.serial() != null && byS == null) {
                problems.add(new RowProblem(row.line(), given, "No asset has the serial number " + row.serial()
                        + "."));
                continue;
            }
            if (byT != null && byS != null && !byT.id().equals(byS.id())) {
                problems.add(new RowProblem(row.line(), given, "The tag and the serial number name two different"
                        + " assets."));
                continue;
            }
            AssetRef asset = byT != null ? byT : byS;
            Long earlier = seen.putIfAbsent(asset.id(), row.line());
            if (earlier != null) {
                problems.add(new RowProblem(row.line(), given, "The same asset as line " + earlier + "."));
                continue;
            }
            if (asset.status() != AssetStatus.IN_SERVICE) {
                problems.add(new RowProblem(row.line(), given, "Asset " + asset.tag() + " is "
                        + asset.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ", not in service: only assets in service can be retired."));
                continue;
            }
            assets.add(asset);
        }
        return new Result(null, assets, rows.size(), problems);
    }

    private static String value(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String v = record.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private record Row(long line, String tag, String serial) {

        String describe() {
            return tag != null && serial != null ? tag + " / " + serial : tag != null ? tag : serial;
        }
    }
}
