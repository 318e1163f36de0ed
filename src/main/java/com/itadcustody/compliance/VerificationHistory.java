package com.itadcustody.compliance;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The history of certificate verifications (public page, public API, staff console), newest first, filtered by
 * result and period; each page is one index range read.
 */
@Service
public class VerificationHistory {

    /** The results a check can have: the verdicts, and a number refused as malformed. */
    public static final List<String> RESULTS = List.of("VALID", "REVOKED", "SUPERSEDED", "INVALID", "NOT_FOUND",
            "MALFORMED_NUMBER");

    private final JdbcClient jdbc;

    VerificationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One recorded check.
     *
     * @param id its id
     * @param checkedAt when
     * @param channel where it was asked for (PUBLIC_PAGE, PUBLIC_API, CONSOLE, SERVICE)
     * @param submittedNumber the number entered, or null for an upload
     * @param fileSha256 the SHA-256 (hex) of the uploaded file, or null for a number
     * @param result the verdict, or MALFORMED_NUMBER
     * @param certificateNumber the certificate found, or null
     * @param username the signed-in user who asked, or null for an anonymous check
     */
    public record Check(UUID id, Instant checkedAt, String channel, String submittedNumber, String fileSha256,
            String result, String certificateNumber, String username) {
    }

    /**
     * A page of checks, newest first; {@code result} and {@code period} may be null (all). 400 {@code
     * unknown-result} naming the field {@code result} for a result that does not exist.
     */
    public PageResult<Check> list(String result, ReportPeriod period, int page, int size) {
        if (result != null && !RESULTS.contains(result)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "unknown-result", "result",
                    "choose one of " + String.join(", ", RESULTS));
        }
        List<String> where = new ArrayList<>();
        if (result != null) {
            where.add("result = :result");
        }
        if (period != null) {
            where.add("checked_at >= :start and checked_at < :end");
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        int pageSize = Math.max(1, Math.min(size, 200));
        int pageNumber = Math.max(0, page);
        var count = jdbc.sql("select count(*) from compliance_verification" + filter);
        var select = jdbc.sql("""
                select id, checked_at, channel, submitted_number, file_sha256, result, certificate_number, username
                from compliance_verification""" + filter + " order by checked_at desc, id limit :limit offset :offset")
                .param("limit", pageSize).param("offset", (long) pageNumber * pageSize);
        if (result != null) {
            count = count.param("result", result);
            select = select.param("result", result);
        }
        if (period != null) {
            count = count.param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()));
            select = select.param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()));
        }
        long total = count.query(Long.class).single();
        List<Check> checks = select.query((rs, n) -> new Check(rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8))).list();
        return PageResult.of(checks, pageNumber, pageSize, total);
    }
}
