package com.itadcustody.retirement;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the media that a vendor sanitizes on site by their serial numbers, for matching the vendor's erasure
 * reports: only media of approved retirements whose sanitization is assigned to that vendor
 * ({@code sanitizationVendorId}) and whose method is decided. A serial of anyone else's medium is simply not found,
 * exactly like a serial nobody knows.
 */
@Service
public class VendorSanitizations {

    /** At most this many serials in one lookup (one SQL statement). */
    static final int CHUNK = 5_000;

    private final JdbcTemplate jdbc;

    VendorSanitizations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The vendor's media among these serials (exact match, surrounding blanks ignored), by serial; serials that are
     * not the vendor's, or not planned for sanitization yet, are absent.
     */
    @Transactional(readOnly = true)
    public Map<String, MediumAwaitingSanitization> find(UUID vendorId, Collection<String> serials) {
        Map<String, MediumAwaitingSanitization> found = new HashMap<>();
        List<String> distinct = serials.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            jdbc.query(con -> {
                var statement = con.prepareStatement("""
                        select p.medium_serial, p.retirement_id, r.asset_id, p.medium_id, p.method_type, p.technique,
                               s.passed, s.verified
                        from sanitization_plan p
                        join retirement_request r on r.id = p.retirement_id
                        left join lateral (select m.passed, m.verified from medium_sanitization m
                                           where m.retirement_id = p.retirement_id and m.medium_id = p.medium_id
                                           order by m.attempt desc limit 1) s on true
                        where p.medium_serial = any (?) and r.sanitization_vendor_id = ? and r.status = 'APPROVED'
                        """);
                Array array = con.createArrayOf("text", chunk.toArray());
                statement.setArray(1, array);
                statement.setObject(2, vendorId);
                return statement;
            }, rs -> {
                found.put(rs.getString(1), new MediumAwaitingSanitization(rs.getString(1),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getString(6), (Boolean) rs.getObject(7), (Boolean) rs.getObject(8)));
            });
        }
        return found;
    }
}
