package com.itadcustody.bench;

import static com.itadcustody.bench.BenchStats.format;
import static com.itadcustody.bench.BenchStats.median;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.AssetCsvImporter;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Import of a 10,000-asset / 20,000-media CSV through the real importer (parse, validate, duplicate checks,
 * batch insert), against a plain JDBC batch insert of the same rows measured in the same run.
 * Runs only with {@code ./mvnw -Pbench verify}; results go to stdout and target/bench/asset-import.md.
 */
class AssetImportBenchmark extends IntegrationTest {

    static final int ASSETS = 10_000;
    static final int MEDIA_PER_ASSET = 2;
    static final int RUNS = Integer.getInteger("bench.runs", 5);

    @Autowired
    AssetCsvImporter importer;

    @Autowired
    DataSource dataSource;

    @Test
    void importOfTenThousandAssetsAgainstPlainJdbc() throws Exception {
        Actor actor = new Actor(UUID.randomUUID(), "bench", Set.of(Role.IT_STAFF), null);
        // warm-up: one small import and one small baseline so class loading and JIT are out of the figures
        importer.importCsv(AssetFixtures.utf8(AssetFixtures.csv(500, MEDIA_PER_ASSET)), actor);
        plainJdbcInsert(500);

        List<Double> importer = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            byte[] file = AssetFixtures.utf8(AssetFixtures.csv(ASSETS, MEDIA_PER_ASSET));
            long start = System.nanoTime();
            AssetCsvImporter.Imported imported = this.importer.importCsv(file, actor);
            importer.add((System.nanoTime() - start) / 1e9);
            assertThat(imported.assets()).isEqualTo(ASSETS);
            assertThat(imported.media()).isEqualTo(ASSETS * MEDIA_PER_ASSET);

            start = System.nanoTime();
            plainJdbcInsert(ASSETS);
            baseline.add((System.nanoTime() - start) / 1e9);
        }
        double importMedian = median(importer);
        double baselineMedian = median(baseline);
        String report = """
                ## CSV import, %d assets / %d media (%d runs)
                | what | median s | runs (s) |
                |---|---|---|
                | importer (parse + validate + duplicate checks + batch insert) | %.2f | %s |
                | plain JDBC batch insert of the same rows (baseline) | %.2f | %s |
                | ratio importer / baseline | %.2f | |
                """.formatted(ASSETS, ASSETS * MEDIA_PER_ASSET, RUNS, importMedian, format(importer, "%.2f"),
                baselineMedian, format(baseline, "%.2f"), importMedian / baselineMedian);
        System.out.println(report);
        Path out = Path.of("target", "bench", "asset-import.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void plainJdbcInsert(int assets) throws Exception {
        String run = AssetFixtures.unique();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement asset = c.prepareStatement("insert into asset (id, tag, serial_number, type, make,"
                    + " model, purchase_date, purchase_cost, currency, warranty_end, location, custodian, department,"
                    + " status, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement medium = c.prepareStatement("insert into storage_medium (id, asset_id,"
                            + " media_type, make, model, serial_number, capacity_bytes, self_encrypting,"
                            + " encrypted_from_first_use, created_at) values (?,?,?,?,?,?,?,?,?,?)")) {
                for (int a = 0; a < assets; a++) {
                    UUID id = UUID.randomUUID();
                    String tag = "RAW-" + run + "-" + a;
                    asset.setObject(1, id);
                    asset.setString(2, tag);
                    asset.setString(3, "S-" + tag);
                    asset.setString(4, "LAPTOP");
                    asset.setString(5, "Dell");
                    asset.setString(6, "Latitude 5440");
                    asset.setObject(7, java.time.LocalDate.of(2023, 1, 15));
                    asset.setBigDecimal(8, new java.math.BigDecimal("899.50"));
                    asset.setString(9, "EUR");
                    asset.setObject(10, java.time.LocalDate.of(2026, 1, 15));
                    asset.setString(11, "Berlin, HQ");
                    asset.setString(12, "j.doe");
                    asset.setString(13, "IT");
                    asset.setString(14, "IN_SERVICE");
                    asset.setTimestamp(15, now);
                    asset.setTimestamp(16, now);
                    asset.addBatch();
                    for (int m = 0; m < MEDIA_PER_ASSET; m++) {
                        medium.setObject(1, UUID.randomUUID());
                        medium.setObject(2, id);
                        medium.setString(3, "NVME");
                        medium.setString(4, "Samsung");
                        medium.setString(5, "PM9A1");
                        medium.setString(6, "M-" + tag + "-" + m);
                        medium.setLong(7, 256_000_000_000L);
                        medium.setBoolean(8, true);
                        medium.setBoolean(9, false);
                        medium.setTimestamp(10, now);
                        medium.addBatch();
                    }
                    if (a % 1000 == 999) {
                        asset.executeBatch();
                        medium.executeBatch();
                    }
                }
                asset.executeBatch();
                medium.executeBatch();
            }
            c.commit();
        }
    }



}
