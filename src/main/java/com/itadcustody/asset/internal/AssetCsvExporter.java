package com.itadcustody.asset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the filtered asset list in the import's CSV format (one row per medium), safe to open in a
 * spreadsheet: a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
@Service
public class AssetCsvExporter {

    private static final int CHUNK = 500;

    private final Assets assets;
    private final StorageMedia media;

    AssetCsvExporter(Assets assets, StorageMedia media) {
        this.assets = assets;
        this.media = media;
    }

    /** Writes a byte-order mark, the header and every matching asset's rows to {@code out}. */
    @Transactional(readOnly = true)
    public void export(AssetFilter filter, AssetSort sort, Writer out) {
        try {
            out.write('\uFEFF'); // lets spreadsheet programs recognise UTF-8
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(AssetCsvColumns.ALL.toArray(String[]::new)).get());
            List<Asset> chunk = new ArrayList<>(CHUNK);
            assets.forEach(filter, sort, asset -> {
                chunk.add(asset);
                if (chunk.size() == CHUNK) {
                    print(printer, chunk);
                    chunk.clear();
                }
            });
            print(printer, chunk);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(CSVPrinter printer, List<Asset> chunk) {
        Map<UUID, List<Medium>> mediaByAsset = media.ofAssets(chunk.stream().map(Asset::id).toList());
        try {
            for (Asset a : chunk) {
                List<Medium> ofAsset = mediaByAsset.getOrDefault(a.id(), List.of());
                if (ofAsset.isEmpty()) {
                    printer.printRecord(row(a, null));
                }
                for (Medium m : ofAsset) {
                    printer.printRecord(row(a, m));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(Asset a, Medium m) {
        List<Object> cells = new ArrayList<>(Arrays.asList(a.tag(), a.serialNumber(), a.type(), a.make(), a.model(),
                a.purchaseDate(), a.purchaseCost() == null ? null : a.purchaseCost().toPlainString(), a.currency(),
                a.warrantyEnd(), a.location(), a.custodian(), a.department()));
        if (m == null) {
            cells.addAll(Arrays.asList(null, null, null, null, null, null, null));
        } else {
            cells.addAll(Arrays.asList(m.mediaType(), m.serialNumber(), m.make(), m.model(), m.capacityBytes(),
                    m.selfEncrypting(), m.encryptedFromFirstUse()));
        }
        return cells.stream().map(c -> c == null ? "" : neutralise(c.toString())).toList();
    }

    /**
     * Prefixes an apostrophe to a cell that starts with a character spreadsheets treat as the start of a formula
     * (=, +, -, @, tab, carriage return), as OWASP recommends against CSV injection.
     */
    static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
