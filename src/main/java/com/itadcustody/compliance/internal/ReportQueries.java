package com.itadcustody.compliance.internal;

import com.itadcustody.compliance.Report;
import com.itadcustody.compliance.ReportPeriod;
import com.itadcustody.shared.NotFound;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The period reports as aggregate SQL, one query (or two) each, read-only over the retirement, asset, certificate
 * and partner tables and the compliance module's own records of breaches and discrepancies. Every query reaches the
 * period's rows through an index on its time column (migrations/compliance/004-report-indexes.sql), so a report
 * reads only its period, never the whole estate. Retired means: retirement closed (certificate of disposition
 * issued) within the period.
 */
@Component
public class ReportQueries {

    /** The reports in the order the page shows them. */
    public static final List<String> NAMES = List.of("retired-by-type", "retired-by-method",
            "retired-by-destination", "retired-by-vendor", "certificates", "verification-sample",
            "erasure-exceptions", "receipt-discrepancies", "sla-breaches", "license-seats", "value-recovered");

    private static final String CLOSED_IN_PERIOD = "r.status = 'CLOSED' and r.closed_at >= :start and r.closed_at < :end";

    private static final Map<String, String> STEPS = Map.of(
            "Task_ApproveRetirement", "Approval of the retirement",
            "Task_ConfirmPickup", "Vendor's pickup of the lot",
            "Task_ReconcileReceipt", "Vendor's receipt of the lot",
            "Task_ProcessAsset", "Vendor's grading and disposition");

    private final JdbcClient jdbc;
    private final Vendors vendors;
    private final BigDecimal sampleRate;
    private final Map<String, BiFunction<ReportQueries, ReportPeriod, Report>> reports = new LinkedHashMap<>();

    ReportQueries(JdbcClient jdbc, Vendors vendors,
            @Value("${itad.retirement.verification-sample-rate:0.05}") double sampleRate) {
        this.jdbc = jdbc;
        this.vendors = vendors;
        this.sampleRate = BigDecimal.valueOf(sampleRate);
        reports.put("retired-by-type", ReportQueries::retiredByType);
        reports.put("retired-by-method", ReportQueries::retiredByMethod);
        reports.put("retired-by-destination", ReportQueries::retiredByDestination);
        reports.put("retired-by-vendor", ReportQueries::retiredByVendor);
        reports.put("certificates", ReportQueries::certificates);
        reports.put("verification-sample", ReportQueries::verificationSample);
        reports.put("erasure-exceptions", ReportQueries::erasureExceptions);
        reports.put("receipt-discrepancies", ReportQueries::receiptDiscrepancies);
        reports.put("sla-breaches", ReportQueries::slaBreaches);
        reports.put("license-seats", ReportQueries::licenseSeats);
        reports.put("value-recovered", ReportQueries::valueRecovered);
    }

    /** The report with this name for the period; 404 for an unknown name. */
    @Transactional(readOnly = true)
    public Report report(String name, ReportPeriod period) {
        BiFunction<ReportQueries, ReportPeriod, Report> query = reports.get(name);
        if (query == null) {
            throw new NotFound("report", name);
        }
        return query.apply(this, period);
    }

    /** Every report for the period, in one read-only transaction. */
    @Transactional(readOnly = true)
    public List<Report> all(ReportPeriod period) {
        return reports.values().stream().map(query -> query.apply(this, period)).toList();
    }

    // ---- retired assets -----------------------------------------------------------------------------------------

    Report retiredByType(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows("select a.type, count(*) from retirement_request r join asset a on a.id = r.asset_id"
                + " where " + CLOSED_IN_PERIOD + " group by a.type order by count(*) desc, a.type", period, 2)) {
            rows.add(List.of(words((String) row[0]), count(row[1])));
            total += (Long) row[1];
        }
        rows.add(List.of("Total", Long.toString(total)));
        return new Report("retired-by-type", "Assets retired by type",
                "Assets whose retirement closed in the period (certificate of disposition issued), by asset type.",
                List.of("Asset type", "Assets retired"), rows);
    }

    Report retiredByMethod(ReportPeriod period) {
        Map<String, Object[]> byMethod = new LinkedHashMap<>();
        long assetsWithMedia = 0;
        for (Object[] row : rows("""
                with media as (
                    select distinct on (ms.retirement_id, ms.medium_id) ms.retirement_id, ms.method_type
                    from retirement_request r join medium_sanitization ms on ms.retirement_id = r.id
                    where %s and ms.passed
                    order by ms.retirement_id, ms.medium_id, ms.attempt desc)
                select method_type, count(*), count(distinct retirement_id) from media
                group by grouping sets ((method_type), ())""".formatted(CLOSED_IN_PERIOD), period, 3)) {
            if (row[0] == null) {
                assetsWithMedia = (Long) row[2];
            } else {
                byMethod.put((String) row[0], row);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        long media = 0;
        for (String method : List.of("CLEAR", "PURGE", "DESTROY")) {
            Object[] row = byMethod.getOrDefault(method, new Object[] {method, 0L, 0L});
            rows.add(List.of(words(method), count(row[1]), count(row[2])));
            media += (Long) row[1];
        }
        long retired = jdbc.sql("select count(*) from retirement_request r where " + CLOSED_IN_PERIOD)
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .query(Long.class).single();
        rows.add(List.of("Total media", Long.toString(media), ""));
        rows.add(List.of("Assets without data-bearing media", "0", Long.toString(retired - assetsWithMedia)));
        return new Report("retired-by-method", "Assets retired by sanitization method",
                "Storage media of the assets retired in the period by the NIST SP 800-88 method of their last"
                        + " passed sanitization, and how many assets had media sanitized that way.",
                List.of("Method", "Media", "Assets"), rows);
    }

    Report retiredByDestination(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows("select r.destination, coalesce(r.processing ->> 'disposition', ''), count(*)"
                + " from retirement_request r where " + CLOSED_IN_PERIOD + " group by 1, 2 order by 1, 2", period, 3)) {
            rows.add(List.of(destination((String) row[0]), words((String) row[1]), count(row[2])));
            total += (Long) row[2];
        }
        rows.add(List.of("Total", "", Long.toString(total)));
        return new Report("retired-by-destination", "Assets retired by destination",
                "Assets retired in the period by the destination requested and the vendor's final disposition.",
                List.of("Destination", "Disposition", "Assets retired"), rows);
    }

    Report retiredByVendor(ReportPeriod period) {
        Map<UUID, String> names = vendors.list().stream().collect(Collectors.toMap(Vendor::id, Vendor::name));
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows("select r.vendor_id, count(*) from retirement_request r where " + CLOSED_IN_PERIOD
                + " group by r.vendor_id order by count(*) desc", period, 2)) {
            UUID vendor = (UUID) row[0];
            rows.add(List.of(vendor == null ? "No vendor" : names.getOrDefault(vendor, vendor.toString()),
                    count(row[1])));
            total += (Long) row[1];
        }
        rows.add(List.of("Total", Long.toString(total)));
        return new Report("retired-by-vendor", "Assets retired by vendor",
                "Assets retired in the period by the ITAD vendor that processed them.",
                List.of("Vendor", "Assets retired"), rows);
    }

    // ---- certificates and verification --------------------------------------------------------------------------

    Report certificates(ReportPeriod period) {
        Map<String, long[]> byType = new LinkedHashMap<>();
        byType.put("SANITIZATION", new long[3]);
        byType.put("DISPOSITION", new long[3]);
        for (Object[] row : rows("""
                select type, 'ISSUED', count(*) from certificate
                where issued_at >= :start and issued_at < :end group by type
                union all
                select type, status, count(*) from certificate
                where status <> 'VALID' and status_changed_at >= :start and status_changed_at < :end
                group by type, status""", period, 3)) {
            long[] counts = byType.computeIfAbsent((String) row[0], t -> new long[3]);
            int column = switch ((String) row[1]) {
                case "ISSUED" -> 0;
                case "REVOKED" -> 1;
                default -> 2;
            };
            counts[column] += (Long) row[2];
        }
        List<List<String>> rows = new ArrayList<>();
        long[] total = new long[3];
        byType.forEach((type, counts) -> {
            rows.add(List.of(type.equals("SANITIZATION") ? "Certificate of Sanitization" : "Certificate of Disposition",
                    Long.toString(counts[0]), Long.toString(counts[1]), Long.toString(counts[2])));
            for (int i = 0; i < 3; i++) {
                total[i] += counts[i];
            }
        });
        rows.add(List.of("Total", Long.toString(total[0]), Long.toString(total[1]), Long.toString(total[2])));
        return new Report("certificates", "Certificates issued and revoked",
                "Certificates issued in the period, and certificates revoked or superseded in the period.",
                List.of("Certificate", "Issued", "Revoked", "Superseded"), rows);
    }

    Report verificationSample(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long[] total = new long[4];
        Map<String, Object[]> byMethod = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select method_type, count(*) filter (where sampled is not null), count(*) filter (where sampled),
                       count(*) filter (where verified), count(*) filter (where verified = false)
                from medium_sanitization
                where performed_at >= :start and performed_at < :end and passed
                  and method_type in ('CLEAR', 'PURGE')
                group by method_type""", period, 5)) {
            byMethod.put((String) row[0], row);
        }
        for (String method : List.of("CLEAR", "PURGE")) {
            Object[] row = byMethod.getOrDefault(method, new Object[] {method, 0L, 0L, 0L, 0L});
            long[] counts = {(Long) row[1], (Long) row[2], (Long) row[3], (Long) row[4]};
            rows.add(sampleRow(words(method), counts));
            for (int i = 0; i < 4; i++) {
                total[i] += counts[i];
            }
        }
        rows.add(sampleRow("Total", total));
        return new Report("verification-sample", "Verification sample rate",
                "Logically sanitized media (Clear, Purge) sanitized in the period, how many were drawn for an"
                        + " independent full verification, and the rate achieved against the configured rate.",
                List.of("Method", "Logically sanitized", "Sampled", "Rate achieved", "Configured rate",
                        "Verified", "Failed verification"), rows);
    }

    private List<String> sampleRow(String label, long[] counts) {
        return List.of(label, Long.toString(counts[0]), Long.toString(counts[1]), percent(counts[1], counts[0]),
                sampleRate.movePointRight(2).stripTrailingZeros().toPlainString() + " %", Long.toString(counts[2]),
                Long.toString(counts[3]));
    }

    // ---- exceptions, discrepancies, SLA breaches ----------------------------------------------------------------

    Report erasureExceptions(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long[] total = new long[3];
        for (Object[] row : rows("""
                select kind, count(*), count(*) filter (where state = 'RESOLVED'), count(*) filter (where state = 'OPEN')
                from erasure_exception where created_at >= :start and created_at < :end
                group by kind order by count(*) desc, kind""", period, 4)) {
            rows.add(List.of(words((String) row[0]), count(row[1]), count(row[2]), count(row[3])));
            for (int i = 0; i < 3; i++) {
                total[i] += (Long) row[i + 1];
            }
        }
        rows.add(List.of("Total", Long.toString(total[0]), Long.toString(total[1]), Long.toString(total[2])));
        return new Report("erasure-exceptions", "Erasure report exceptions",
                "Records of vendors' erasure reports that could not be applied as they stood, raised in the period,"
                        + " and whether they are resolved today.",
                List.of("Exception", "Raised", "Resolved", "Still open"), rows);
    }

    Report receiptDiscrepancies(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows("""
                select c.kind, coalesce(d.resolution, 'OPEN'), count(*)
                from compliance_receipt_discrepancy c
                left join lot_discrepancy d on d.lot_id = c.lot_id and d.kind = c.kind and d.serial = c.serial
                where c.found_at >= :start and c.found_at < :end
                group by 1, 2 order by 1, 2""", period, 3)) {
            rows.add(List.of(row[0].equals("MISSING") ? "Missing at receipt" : "Unexpected at receipt",
                    row[1].equals("OPEN") ? "Open" : words((String) row[1]), count(row[2])));
            total += (Long) row[2];
        }
        rows.add(List.of("Total", "", Long.toString(total)));
        return new Report("receipt-discrepancies", "Receipt discrepancies",
                "Serials missing from or unexpected in a lot at the vendor's receipt, found in the period, with"
                        + " their resolution today.",
                List.of("Discrepancy", "Resolution", "Serials"), rows);
    }

    Report slaBreaches(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long[] total = new long[2];
        for (Object[] row : rows("""
                select step, sla, count(*), sum(assets) from compliance_sla_breach
                where breached_at >= :start and breached_at < :end
                group by step, sla order by count(*) desc, step""", period, 4)) {
            long assets = ((Number) row[3]).longValue();
            rows.add(List.of(STEPS.getOrDefault((String) row[0], (String) row[0]), (String) row[1], count(row[2]),
                    Long.toString(assets)));
            total[0] += (Long) row[2];
            total[1] += assets;
        }
        rows.add(List.of("Total", "", Long.toString(total[0]), Long.toString(total[1])));
        return new Report("sla-breaches", "SLA breaches",
                "Workflow steps that missed their SLA in the period and were escalated to the asset managers.",
                List.of("Step", "SLA (ISO 8601)", "Escalations", "Assets concerned"), rows);
    }

    // ---- licenses and value -------------------------------------------------------------------------------------

    Report licenseSeats(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows("""
                select p.publisher, p.product, count(*) from seat_assignment s join license_pool p on p.id = s.pool_id
                where s.released_at >= :start and s.released_at < :end and s.released_at is not null
                  and s.asset_id is not null and s.released_by is null
                group by p.publisher, p.product order by count(*) desc, p.publisher, p.product""", period, 3)) {
            rows.add(List.of((String) row[0], (String) row[1], count(row[2])));
            total += (Long) row[2];
        }
        rows.add(List.of("Total", "", Long.toString(total)));
        return new Report("license-seats", "License seats reclaimed",
                "Software license seats released from retired hardware by the retirement workflow in the period.",
                List.of("Publisher", "Product", "Seats reclaimed"), rows);
    }

    Report valueRecovered(ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        for (Object[] row : rows("""
                select settlement ->> 'currency', count(*), sum((settlement ->> 'valueRecovered')::numeric),
                       sum((settlement ->> 'fees')::numeric)
                from retirement_request
                where settled_at >= :start and settled_at < :end and settled_at is not null
                group by 1 order by 1""", period, 4)) {
            BigDecimal value = (BigDecimal) row[2];
            BigDecimal fees = (BigDecimal) row[3];
            rows.add(List.of((String) row[0], count(row[1]), money(value), money(fees), money(value.subtract(fees))));
        }
        return new Report("value-recovered", "Value recovered",
                "Settlements recorded in the period, by currency (amounts in different currencies are never added).",
                List.of("Currency", "Assets settled", "Value recovered", "Vendor fees", "Net"), rows);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private List<Object[]> rows(String sql, ReportPeriod period, int columns) {
        return jdbc.sql(sql).param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .query((ResultSet rs, int n) -> row(rs, columns)).list();
    }

    private static Object[] row(ResultSet rs, int columns) throws SQLException {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
            Object value = rs.getObject(i + 1);
            row[i] = value instanceof Integer n ? Long.valueOf(n) : value;
        }
        return row;
    }

    private static String count(Object value) {
        return Long.toString(((Number) value).longValue());
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(long part, long whole) {
        if (whole == 0) {
            return "–";
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .toPlainString() + " %";
    }

    /** An enum constant in words: {@code STORAGE_ARRAY} becomes "Storage array". */
    static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String destination(String constant) {
        return switch (constant) {
            case "INTERNAL_REUSE" -> "Internal reuse";
            case "LEAVES_ORGANISATION" -> "Leaves the organisation";
            case "DISPOSAL" -> "Disposal";
            default -> words(constant);
        };
    }
}
