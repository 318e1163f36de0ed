package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.EvidenceFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retirement_evidence_file table: evidence files of a retirement, append-only. */
@Repository
public class EvidenceFileStore {

    private static final String COLUMNS = "id, retirement_id, medium_id, kind, file_name, media_type, size_bytes,"
            + " sha256, vendor_id, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    EvidenceFileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file with its bytes. */
    public void insert(EvidenceFile file, byte[] content) {
        jdbc.sql("insert into retirement_evidence_file (" + COLUMNS + ", content) values (:id, :retirement, :medium,"
                        + " :kind, :name, :type, :size, :sha, :vendor, :by, :at, :content)")
                .param("id", file.id()).param("retirement", file.retirementId()).param("medium", file.mediumId())
                .param("kind", file.kind().name()).param("name", file.fileName()).param("type", file.mediaType())
                .param("size", file.sizeBytes()).param("sha", file.sha256()).param("vendor", file.vendorId())
                .param("by", file.uploadedBy()).param("at", Timestamp.from(file.uploadedAt()))
                .param("content", content).update();
    }

    /** The retirement's files, oldest first; only those one vendor uploaded when {@code vendorId} is given. */
    public List<EvidenceFile> list(UUID retirementId, UUID vendorId) {
        return jdbc.sql("select " + COLUMNS + " from retirement_evidence_file where retirement_id = :retirement"
                        + " and (cast(:vendor as uuid) is null or vendor_id = :vendor) order by uploaded_at, id")
                .param("retirement", retirementId).param("vendor", vendorId).query(EvidenceFileStore::file).list();
    }

    /** One file of the retirement; only if that vendor uploaded it when {@code vendorId} is given. */
    public Optional<EvidenceFile> find(UUID retirementId, UUID fileId, UUID vendorId) {
        return jdbc.sql("select " + COLUMNS + " from retirement_evidence_file where id = :id and retirement_id ="
                        + " :retirement and (cast(:vendor as uuid) is null or vendor_id = :vendor)")
                .param("id", fileId).param("retirement", retirementId).param("vendor", vendorId)
                .query(EvidenceFileStore::file).optional();
    }

    /** A file's bytes. */
    public byte[] content(UUID fileId) {
        return jdbc.sql("select content from retirement_evidence_file where id = :id").param("id", fileId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static EvidenceFile file(ResultSet rs, int n) throws SQLException {
        return new EvidenceFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                EvidenceFile.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                rs.getString(8), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class),
                rs.getTimestamp(11).toInstant());
    }
}
