package com.itadcustody.compliance.internal;

import com.itadcustody.compliance.ReportPeriod;
import com.itadcustody.compliance.VerificationHistory.Check;
import com.itadcustody.shared.PageResult;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code compliance_verification}, newest first, through its time or (result, time) index. */
@Component
public class VerificationStore {

    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of checks with this result (or any, when null) in the period (or ever, when null). */
    public PageResult<Check> list(String result, ReportPeriod period, int page, int size) {
        List<String> where = new ArrayList<>();
        if (result != null) {
            where.add("result = :result");
        }
        if (period != null) {
            where.add("checked_at >= :start and checked_at < :end");
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        var count = jdbc.sql("select count(*) from compliance_verification" + filter);
        var select = jdbc.sql("""
                select id, checked_at, channel, submitted_number, file_sha256, result, certificate_number, username
                from compliance_verification""" + filter + " order by checked_at desc, id limit :limit offset :offset")
                .param("limit", size).param("offset", (long) page * size);
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
        return PageResult.of(checks, page, size, total);
    }
}
