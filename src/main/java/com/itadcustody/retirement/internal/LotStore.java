package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.LotView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lots, their items and their discrepancies. */
@Repository
public class LotStore {

    private final JdbcClient jdbc;

    LotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new lot. */
    public void insert(UUID id, UUID vendorId, String carrier, String trackingNumber, String pickupContact, UUID by,
            Instant at) {
        jdbc.sql("insert into lot (id, vendor_id, carrier, tracking_number, pickup_contact, created_by, created_at)"
                + " values (:id, :vendor, :carrier, :tracking, :contact, :by, :at)")
                .param("id", id).param("vendor", vendorId).param("carrier", carrier).param("tracking", trackingNumber)
                .param("contact", pickupContact).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** Adds an asset to a lot. */
    public void addItem(UUID lotId, UUID retirementId, UUID assetId, String serial, String tag, String seal) {
        jdbc.sql("insert into lot_item (lot_id, retirement_id, asset_id, asset_serial, asset_tag, seal_number)"
                + " values (:lot, :retirement, :asset, :serial, :tag, :seal)")
                .param("lot", lotId).param("retirement", retirementId).param("asset", assetId).param("serial", serial)
                .param("tag", tag).param("seal", seal).update();
    }

    /** The lot, locked for the rest of the transaction. */
    public Optional<LotView> lock(UUID id) {
        return jdbc.sql("select id from lot where id = :id for update").param("id", id).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** The lot with its items and discrepancies. */
    public Optional<LotView> find(UUID id) {
        return jdbc.sql("select id, vendor_id, status, carrier, tracking_number, pickup_contact, manifest_sha256,"
                + " created_at from lot where id = :id").param("id", id)
                .query((rs, n) -> new LotView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), items(id), discrepancies(id), null)).optional();
    }

    /** Moves the lot to a status and records who and when. */
    public void mark(UUID id, String status, String byColumn, String atColumn, UUID by, Instant at) {
        jdbc.sql("update lot set status = :status, " + byColumn + " = :by, " + atColumn + " = :at where id = :id")
                .param("status", status).param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Moves the lot to a status. */
    public void status(UUID id, String status) {
        jdbc.sql("update lot set status = :status where id = :id").param("status", status).param("id", id).update();
    }

    /** Freezes the manifest's hash. */
    public void signOff(UUID id, String manifestSha256, UUID by, Instant at) {
        jdbc.sql("update lot set status = 'SIGNED_OFF', manifest_sha256 = :sha, signed_off_by = :by,"
                + " signed_off_at = :at where id = :id").param("sha", manifestSha256).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Sets the outcome of one item. */
    public void outcome(UUID lotId, UUID retirementId, String outcome) {
        jdbc.sql("update lot_item set outcome = :outcome where lot_id = :lot and retirement_id = :retirement")
                .param("outcome", outcome).param("lot", lotId).param("retirement", retirementId).update();
    }

    /** Opens a discrepancy. */
    public void discrepancy(UUID lotId, String kind, String serial) {
        jdbc.sql("insert into lot_discrepancy (lot_id, kind, serial) values (:lot, :kind, :serial)")
                .param("lot", lotId).param("kind", kind).param("serial", serial).update();
    }

    /** Resolves a discrepancy; false if there is no open one for that serial. */
    public boolean resolve(UUID lotId, String kind, String serial, String resolution, UUID by, Instant at) {
        return jdbc.sql("update lot_discrepancy set resolution = :resolution, resolved_by = :by, resolved_at = :at"
                + " where lot_id = :lot and kind = :kind and serial = :serial and resolution is null")
                .param("resolution", resolution).param("by", by).param("at", Timestamp.from(at)).param("lot", lotId)
                .param("kind", kind).param("serial", serial).update() == 1;
    }

    /** The lot that holds this retirement, if any. */
    public Optional<UUID> lotOf(UUID retirementId) {
        return jdbc.sql("select lot_id from lot_item where retirement_id = :r").param("r", retirementId)
                .query(UUID.class).optional();
    }

    private List<LotView.Item> items(UUID id) {
        return jdbc.sql("select retirement_id, asset_id, asset_serial, asset_tag, seal_number, outcome from lot_item"
                + " where lot_id = :id order by asset_tag").param("id", id)
                .query((rs, n) -> new LotView.Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    private List<LotView.Discrepancy> discrepancies(UUID id) {
        return jdbc.sql("select kind, serial, resolution from lot_discrepancy where lot_id = :id order by kind, serial")
                .param("id", id).query((rs, n) -> new LotView.Discrepancy(rs.getString(1), rs.getString(2),
                        rs.getString(3))).list();
    }
}
