package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.RetirementView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The retirement requests table. */
@Repository
public class RetirementRequests {

    private static final String COLUMNS = "id, asset_id, reason, confidentiality, destination, status, requested_by,"
            + " requested_at, decided_by, decided_at, decision_comment, closed_by, closed_at, close_reason,"
            + " backup_location, licenses_released, sanitization_vendor_id";

    private final JdbcClient jdbc;

    RetirementRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new request ({@code sanitizationVendorId} null: sanitized in-house). */
    public void insert(UUID id, UUID assetId, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, UUID sanitizationVendorId, UUID requestedBy, Instant at) {
        jdbc.sql("insert into retirement_request (id, asset_id, reason, confidentiality, destination,"
                + " sanitization_vendor_id, requested_by, requested_at)"
                + " values (:id, :asset, :reason, :confidentiality, :destination, :vendor, :by, :at)")
                .param("id", id).param("asset", assetId).param("reason", reason).param("vendor", sanitizationVendorId)
                .param("confidentiality", confidentiality.name()).param("destination", destination.name())
                .param("by", requestedBy).param("at", Timestamp.from(at)).update();
    }

    /** Records the backup confirmation (a null location: nothing had to be kept). */
    public void confirmBackup(UUID id, String location, UUID by, Instant at) {
        jdbc.sql("update retirement_request set backup_location = :location, backup_confirmed_by = :by,"
                + " backup_confirmed_at = :at, version = version + 1 where id = :id")
                .param("location", location).param("by", by).param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    /** Records how many license seats were released; false if that was recorded already. */
    public boolean recordLicensesReleased(UUID id, int released) {
        return jdbc.sql("update retirement_request set licenses_released = :released, version = version + 1"
                + " where id = :id and licenses_released is null").param("released", released).param("id", id)
                .update() == 1;
    }

    /** Records one de-provisioning attestation. */
    public void attest(UUID id, DeprovisioningAttestation attestation, UUID by, Instant at) {
        jdbc.sql("insert into retirement_deprovisioning (retirement_id, system, outcome, evidence, recorded_by,"
                + " recorded_at) values (:id, :system, :outcome, :evidence, :by, :at)")
                .param("id", id).param("system", attestation.system().name())
                .param("outcome", attestation.outcome().name()).param("evidence", attestation.evidence())
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** Stores the method decided for a medium; false if the plan has it already. */
    public boolean plan(UUID id, SanitizationPlanItem item) {
        return jdbc.sql("""
                insert into sanitization_plan (retirement_id, medium_id, medium_serial, media_type, method_type,
                    technique, guidance, decided_at)
                values (:id, :medium, :serial, :type, :method, :technique, :guidance, :at)
                on conflict do nothing""")
                .param("id", id).param("medium", item.mediumId()).param("serial", item.mediumSerial())
                .param("type", item.mediaType()).param("method", item.methodType())
                .param("technique", item.technique()).param("guidance", item.guidance())
                .param("at", Timestamp.from(item.decidedAt())).update() == 1;
    }

    /** The sanitization plan, in the order the media were decided. */
    public List<SanitizationPlanItem> plan(UUID id) {
        return jdbc.sql("select medium_id, medium_serial, media_type, method_type, technique, guidance, decided_at"
                + " from sanitization_plan where retirement_id = :id order by decided_at, medium_serial")
                .param("id", id).query((rs, n) -> new SanitizationPlanItem(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
    }

    /** The request, locked for the rest of the transaction. */
    public Optional<RetirementView> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from retirement_request where id = :id for update")
                .param("id", id).query(RetirementRequests::view).optional();
    }

    /** The request. */
    public Optional<RetirementView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from retirement_request where id = :id")
                .param("id", id).query(RetirementRequests::view).optional();
    }

    /** The requests with these ids (unknown ones left out), in one query. */
    public List<RetirementView> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from retirement_request where id in (:ids)")
                .param("ids", List.copyOf(ids)).query(RetirementRequests::view).list();
    }

    /** Every request for this asset, newest first. */
    public List<RetirementView> ofAsset(UUID assetId) {
        return jdbc.sql("select " + COLUMNS + " from retirement_request where asset_id = :asset"
                        + " order by requested_at desc, id")
                .param("asset", assetId).query(RetirementRequests::view).list();
    }

    /** Records an asset manager's decision. */
    public void decide(UUID id, RetirementStatus status, UUID by, Instant at, String comment) {
        jdbc.sql("update retirement_request set status = :status, decided_by = :by, decided_at = :at,"
                + " decision_comment = :comment, version = version + 1 where id = :id")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("comment", comment).param("id", id).update();
    }

    /** Records a cancellation or the closing. */
    public void close(UUID id, RetirementStatus status, UUID by, Instant at, String reason) {
        jdbc.sql("update retirement_request set status = :status, closed_by = :by, closed_at = :at,"
                + " close_reason = :reason, version = version + 1 where id = :id")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("reason", reason).param("id", id).update();
    }

    /** The latest sanitization attempt of a medium. */
    public record Attempt(int attempt, String methodType, String record, boolean passed, UUID performedBy,
            UUID sanitizedEventId, Boolean sampled, String verification, Boolean verified, String certificateNumber) {
    }

    /** The latest attempt of this medium in this retirement. */
    public Optional<Attempt> latestAttempt(UUID id, UUID mediumId) {
        return jdbc.sql("""
                select attempt, method_type, record::text, passed, performed_by, sanitized_event_id, sampled,
                       verification::text, verified, certificate_number
                from medium_sanitization where retirement_id = :id and medium_id = :medium
                order by attempt desc limit 1""").param("id", id).param("medium", mediumId)
                .query((rs, n) -> new Attempt(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), (Boolean) rs.getObject(7),
                        rs.getString(8), (Boolean) rs.getObject(9), rs.getString(10))).optional();
    }

    /** Records a new sanitization attempt. */
    public void recordAttempt(UUID id, UUID mediumId, int attempt, String methodType, String recordJson,
            boolean passed, UUID by, Instant at, UUID eventId) {
        jdbc.sql("""
                insert into medium_sanitization (retirement_id, medium_id, attempt, method_type, record, passed,
                    performed_by, performed_at, sanitized_event_id)
                values (:id, :medium, :attempt, :method, cast(:record as jsonb), :passed, :by, :at, :event)""")
                .param("id", id).param("medium", mediumId).param("attempt", attempt).param("method", methodType)
                .param("record", recordJson).param("passed", passed).param("by", by).param("at", Timestamp.from(at))
                .param("event", eventId).update();
    }

    /** Marks the latest attempt as sampled (or not) for an independent full verification. */
    public void markSampled(UUID id, UUID mediumId, int attempt, boolean sampled) {
        jdbc.sql("update medium_sanitization set sampled = :sampled where retirement_id = :id and medium_id = :medium"
                + " and attempt = :attempt").param("sampled", sampled).param("id", id).param("medium", mediumId)
                .param("attempt", attempt).update();
    }

    /** Records the verification of an attempt. */
    public void recordVerification(UUID id, UUID mediumId, int attempt, String verificationJson, boolean verified,
            UUID by, Instant at) {
        jdbc.sql("""
                update medium_sanitization set verification = cast(:verification as jsonb), verified = :verified,
                    verified_by = :by, verified_at = :at
                where retirement_id = :id and medium_id = :medium and attempt = :attempt""")
                .param("verification", verificationJson).param("verified", verified).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).param("medium", mediumId)
                .param("attempt", attempt).update();
    }

    /** Records the certificate issued for an attempt. */
    public void recordCertificate(UUID id, UUID mediumId, int attempt, String number) {
        jdbc.sql("update medium_sanitization set certificate_number = :number where retirement_id = :id"
                + " and medium_id = :medium and attempt = :attempt").param("number", number).param("id", id)
                .param("medium", mediumId).param("attempt", attempt).update();
    }

    /** Changes the planned method of a medium (escalation to Destroy). */
    public void replan(UUID id, UUID mediumId, String methodType, String technique, String guidance) {
        jdbc.sql("update sanitization_plan set method_type = :method, technique = :technique, guidance = :guidance"
                + " where retirement_id = :id and medium_id = :medium").param("method", methodType)
                .param("technique", technique).param("guidance", guidance).param("id", id).param("medium", mediumId)
                .update();
    }

    /**
     * Counts one logically sanitized medium and answers whether it joins the verification sample: when the
     * random draw says so, or when fewer than {@code rate} of the media counted on this shard have been sampled so
     * far. The counts are kept on a few shards (rows of {@code verification_sample_counter}) so that transactions
     * recording sanitizations side by side do not queue behind one row lock: each shard keeps
     * {@code sampled >= ceil(rate * logical)}, so their sums keep it too. A transaction takes the first shard no
     * other transaction holds and keeps it for all its draws; it waits for a shard only when every shard is held and
     * it holds none, so two transactions never wait for each other's shard.
     */
    public boolean drawSample(double rate, double draw) {
        Integer held = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Integer) TransactionSynchronizationManager.getResource(SAMPLE_SHARD) : null;
        long[] counts = held != null
                ? jdbc.sql("select id, logical, sampled from verification_sample_counter where id = :id for update")
                        .param("id", held).query(RetirementRequests::shard).single()
                : jdbc.sql("select id, logical, sampled from verification_sample_counter order by id limit 1"
                        + " for update skip locked").query(RetirementRequests::shard).optional()
                        .orElseGet(() -> jdbc.sql("select id, logical, sampled from verification_sample_counter"
                                + " order by random() limit 1 for update").query(RetirementRequests::shard).single());
        if (held == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.bindResource(SAMPLE_SHARD, (int) counts[0]);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SAMPLE_SHARD);
                }
            });
        }
        long logical = counts[1] + 1;
        boolean sampled = draw < rate || counts[2] < Math.ceil(rate * logical);
        jdbc.sql("update verification_sample_counter set logical = :logical, sampled = sampled + :add where id = :id")
                .param("logical", logical).param("add", sampled ? 1 : 0).param("id", counts[0]).update();
        return sampled;
    }

    /** The key under which a transaction keeps the sample shard it holds. */
    private static final Object SAMPLE_SHARD = new Object() {
        @Override
        public String toString() {
            return "verification sample shard";
        }
    };

    private static long[] shard(ResultSet rs, int row) throws SQLException {
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }

    /** Records when the method of every medium was decided (the first time only). */
    public void sanitizationDecided(UUID id, Instant at) {
        jdbc.sql("update retirement_request set sanitization_decided_at = :at where id = :id"
                + " and sanitization_decided_at is null").param("id", id).param("at", Timestamp.from(at)).update();
    }

    /**
     * Whether the retirement may go into a lot: approved, its sanitization decided, and the latest attempt of every
     * planned medium verified and certified (its certificate of sanitization issued).
     */
    public boolean readyForHandoff(UUID id) {
        return jdbc.sql("select r.status = 'APPROVED' and r.sanitization_decided_at is not null and not exists ("
                + " select 1 from sanitization_plan p where p.retirement_id = r.id and not coalesce(("
                + " select m.verified and m.certificate_number is not null from medium_sanitization m"
                + " where m.retirement_id = p.retirement_id"
                + " and m.medium_id = p.medium_id order by m.attempt desc limit 1), false))"
                + " from retirement_request r where r.id = :id").param("id", id).query(Boolean.class).optional()
                .orElse(false);
    }

    /** Marks the request lost in transit. */
    public void markLost(UUID id, UUID by, Instant at, String reason) {
        close(id, RetirementStatus.LOST, by, at, reason);
    }

    /** Records the vendor the asset was handed to. */
    public void setVendor(UUID id, UUID vendorId) {
        jdbc.sql("update retirement_request set vendor_id = :vendor where id = :id").param("vendor", vendorId)
                .param("id", id).update();
    }

    /** The vendor the asset was handed to, if any. */
    public Optional<UUID> vendorOf(UUID id) {
        return jdbc.sql("select vendor_id from retirement_request where id = :id and vendor_id is not null")
                .param("id", id).query(UUID.class).optional();
    }

    /** Records the vendor's processing (JSON) and the custody event of the disposition. */
    public void recordProcessing(UUID id, String json, UUID by, Instant at, UUID disposedEventId) {
        jdbc.sql("update retirement_request set processing = cast(:json as jsonb), processed_by = :by,"
                + " processed_at = :at, disposed_event_id = :event where id = :id").param("json", json)
                .param("by", by).param("at", Timestamp.from(at)).param("event", disposedEventId).param("id", id)
                .update();
    }

    /** Records the settlement (JSON). */
    public void recordSettlement(UUID id, String json, UUID by, Instant at) {
        jdbc.sql("update retirement_request set settlement = cast(:json as jsonb), settled_by = :by,"
                + " settled_at = :at where id = :id").param("json", json).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** The vendor's processing record, the settlement and the disposition event of the request. */
    public record Disposal(String processing, String settlement, UUID disposedEventId, String certificate) {
    }

    /** What the vendor and IT staff recorded at the end. */
    public Disposal disposal(UUID id) {
        return jdbc.sql("select processing::text, settlement::text, disposed_event_id, disposition_certificate"
                + " from retirement_request where id = :id").param("id", id)
                .query((rs, n) -> new Disposal(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4))).single();
    }

    /** Closes the request with its certificate of disposition. */
    public void closeWithCertificate(UUID id, String certificate, Instant at) {
        jdbc.sql("update retirement_request set status = 'CLOSED', closed_at = :at, disposition_certificate = :cert,"
                + " version = version + 1 where id = :id").param("at", Timestamp.from(at)).param("cert", certificate)
                .param("id", id).update();
    }

    private static RetirementView view(ResultSet rs, int row) throws SQLException {
        return new RetirementView(rs.getObject("id", UUID.class), rs.getObject("asset_id", UUID.class),
                rs.getString("reason"), DataConfidentiality.valueOf(rs.getString("confidentiality")),
                AssetDestination.valueOf(rs.getString("destination")), RetirementStatus.valueOf(rs.getString("status")),
                rs.getObject("requested_by", UUID.class), instant(rs, "requested_at"),
                rs.getObject("decided_by", UUID.class), instant(rs, "decided_at"), rs.getString("decision_comment"),
                rs.getObject("closed_by", UUID.class), instant(rs, "closed_at"), rs.getString("close_reason"),
                rs.getString("backup_location"), (Integer) rs.getObject("licenses_released"),
                rs.getObject("sanitization_vendor_id", UUID.class), null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
