package com.itadcustody.asset;

import static com.itadcustody.asset.AssetFixtures.actor;
import static com.itadcustody.asset.AssetFixtures.csv;
import static com.itadcustody.asset.AssetFixtures.csvHeader;
import static com.itadcustody.asset.AssetFixtures.csvRow;
import static com.itadcustody.asset.AssetFixtures.unique;
import static com.itadcustody.asset.AssetFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.asset.internal.AssetCsvImporter;
import com.itadcustody.asset.internal.AssetFilter;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.AssetSort;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.InputRejected.Problem;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

class AssetCsvImportTests extends IntegrationTest {

    @Autowired
    AssetCsvImporter importer;

    @Autowired
    AssetRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsAssetsWithTheirMediaFromOneRowPerMedium() {
        String run = unique();
        String file = csvHeader()
                + csvRow("A-" + run, "SA-" + run, "laptop", "NVME", "MA1-" + run)
                + csvRow("A-" + run, "SA-" + run, "laptop", "SSD_SATA", "MA2-" + run)
                + "B-" + run + ",,storage array,,,,,,,,,,,,,,,,\n";

        AssetCsvImporter.Imported imported = importer.importCsv(utf8(file), actor(Role.IT_STAFF));

        assertThat(imported.assets()).isEqualTo(2);
        assertThat(imported.media()).isEqualTo(2);
        var page = registry.list(new AssetFilter(null, null, null, run), AssetSort.parse("tag"), 0, 10);
        assertThat(page.content()).extracting(a -> a.tag()).containsExactly("A-" + run, "B-" + run);
        assertThat(page.content().get(0).media()).hasSize(2);
        assertThat(page.content().get(0).location()).isEqualTo("Berlin, HQ");
        assertThat(page.content().get(1).type()).isEqualTo(AssetType.STORAGE_ARRAY);
        assertThat(page.content().get(1).media()).isEmpty();
    }

    @Test
    void acceptsAByteOrderMark() {
        String run = unique();
        String file = "\uFEFF" + csvHeader() + csvRow("BOM-" + run, "SB-" + run, "desktop", "HDD_ATA", "MB-" + run);

        assertThat(importer.importCsv(utf8(file), actor(Role.IT_STAFF)).assets()).isEqualTo(1);
        assertThat(registry.list(new AssetFilter(null, null, null, "BOM-" + run), AssetSort.parse(null), 0, 1)
                .content()).hasSize(1);
    }

    @Test
    void refusesABrokenQuoteWithoutImportingAnything() {
        String run = unique();
        String file = csvHeader() + csvRow("Q-" + run, "SQ-" + run, "laptop", "NVME", "MQ-" + run)
                + "Q2-" + run + ",\"unterminated,laptop,,,,,,,,,,,,,,,,\n";
        long before = countAssets();

        assertThatThrownBy(() -> importer.importCsv(utf8(file), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.type()).isEqualTo("malformed-csv");
                    assertThat(e.getMessage()).contains("quote");
                });
        assertThat(countAssets()).isEqualTo(before);
    }

    @Test
    void reportsEveryBadRowAmongAThousandGoodOnesAndImportsNothing() {
        String[] lines = csv(1000, 1).split("\n");
        // rows are numbered with the header as row 1: data line i is row i + 1
        lines[10] = lines[10].replace(",laptop,", ",toaster,");
        lines[500] = lines[500].replace(",2023-01-15,", ",15/01/2023,");
        lines[999] = lines[999].replace(",EUR,", ",EURO,");
        long before = countAssets();

        assertThatThrownBy(() -> importer.importCsv(utf8(String.join("\n", lines)), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.totalProblems()).isEqualTo(3);
                    assertThat(e.problems()).extracting(Problem::row, Problem::field).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(11, "type"),
                            org.assertj.core.groups.Tuple.tuple(501, "purchase_date"),
                            org.assertj.core.groups.Tuple.tuple(1000, "currency"));
                });
        assertThat(countAssets()).isEqualTo(before);
    }

    @Test
    void refusesTagsAndSerialsDuplicatedInTheFileOrTheDatabase() {
        String run = unique();
        importer.importCsv(utf8(csvHeader() + csvRow("D-" + run, "SD-" + run, "laptop", "NVME", "MD-" + run)),
                actor(Role.IT_STAFF));
        String file = csvHeader()
                + csvRow("D-" + run, "SX-" + run, "laptop", "NVME", "MX-" + run)       // tag exists in the database
                + csvRow("E-" + run, "SD-" + run, "laptop", "NVME", "ME-" + run)       // asset serial exists
                + csvRow("F-" + run, "SF-" + run, "laptop", "NVME", "MD-" + run)       // media serial exists
                + csvRow("G-" + run, "SF-" + run, "laptop", "NVME", "MG-" + run)       // serial twice in file
                + csvRow("H-" + run, "SH-" + run, "laptop", "NVME", "MG-" + run)       // media serial twice in file
                + csvRow("I-" + run, "SI-" + run, "laptop", "NVME", "MI-" + run)
                + csvRow("J-" + run, "SJ-" + run, "laptop", "NVME", "MJ-" + run)
                + csvRow("I-" + run, "SI-" + run, "laptop", "NVME", "MI2-" + run);     // tag again, not adjacent

        assertThatThrownBy(() -> importer.importCsv(utf8(file), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::field, Problem::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(2, "asset_tag", "duplicate-tag"),
                                org.assertj.core.groups.Tuple.tuple(3, "serial_number", "duplicate-serial"),
                                org.assertj.core.groups.Tuple.tuple(4, "media_serial", "duplicate-media-serial"),
                                org.assertj.core.groups.Tuple.tuple(5, "serial_number", "duplicate-serial"),
                                org.assertj.core.groups.Tuple.tuple(6, "media_serial", "duplicate-media-serial"),
                                org.assertj.core.groups.Tuple.tuple(9, "asset_tag", "duplicate-tag")));
        assertThat(registry.list(new AssetFilter(null, null, null, run), AssetSort.parse(null), 0, 50).content())
                .extracting(a -> a.tag()).containsExactly("D-" + run);
    }

    @Test
    void refusesConflictingAssetValuesOnRowsOfTheSameAsset() {
        String run = unique();
        String file = csvHeader() + csvRow("C-" + run, "SC-" + run, "laptop", "NVME", "MC1-" + run)
                + csvRow("C-" + run, "SC-" + run, "server", "NVME", "MC2-" + run);

        assertThatThrownBy(() -> importer.importCsv(utf8(file), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::field, Problem::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "type", "conflicting-asset-values")));
    }

    @Test
    void refusesUnknownColumnsMissingRequiredOnesAndFilesThatAreNotUtf8() {
        assertThatThrownBy(() -> importer.importCsv(utf8("asset_tag,type,colour\nX,laptop,red\n"),
                actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.type()).isEqualTo("unknown-column"));
        assertThatThrownBy(() -> importer.importCsv(utf8("asset_tag,make\nX,Dell\n"), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> {
                    assertThat(e.type()).isEqualTo("missing-column");
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("type");
                });
        assertThatThrownBy(() -> importer.importCsv(new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28},
                actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.type()).isEqualTo("not-utf8"));
        assertThatThrownBy(() -> importer.importCsv(utf8(""), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.type()).isEqualTo("empty-file"));
    }

    @Test
    void requiresTypeAndSerialForEachMediumRow() {
        String run = unique();
        String file = csvHeader() + "M-" + run + ",,laptop,,,,,,,,,,,,Samsung,,,,\n";

        assertThatThrownBy(() -> importer.importCsv(utf8(file), actor(Role.IT_STAFF)))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactlyInAnyOrder("media_type", "media_serial"));
    }

    private long countAssets() {
        return jdbc.queryForObject("select count(*) from asset", Long.class);
    }
}
