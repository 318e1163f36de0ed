package com.itadcustody.partner;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner module's read API for other modules that assemble evidence (compliance's evidence packs): vendors'
 * erasure reports exactly as they were received, found by the SHA-256 that custody events name as their evidence.
 * Callers check their own roles; this API serves staff-side evidence only, never a vendor's portal.
 */
@Service
public class ErasureReportFiles {

    private final JdbcClient jdbc;

    ErasureReportFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A received erasure report's original file.
     *
     * @param id the report
     * @param vendorId the vendor that sent it
     * @param fileName the name it was received with
     * @param format its format (e.g. {@code GENERIC_CSV}, {@code TOOL_XML})
     * @param sha256 the SHA-256 of its bytes, lower-case hex
     * @param content the bytes as received
     */
    public record ReportFile(UUID id, UUID vendorId, String fileName, String format, String sha256, byte[] content) {
    }

    /** The received reports whose SHA-256 is one of these (lower-case hex), oldest first; empty for none. */
    @Transactional(readOnly = true)
    public List<ReportFile> withSha256(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, vendor_id, file_name, format, sha256, content from erasure_report
                where sha256 = any(:shas) order by received_at, id""")
                .param("shas", sha256s.toArray(String[]::new))
                .query((rs, n) -> new ReportFile(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                        rs.getString("file_name"), rs.getString("format"), rs.getString("sha256"),
                        rs.getBytes("content")))
                .list();
    }
}
