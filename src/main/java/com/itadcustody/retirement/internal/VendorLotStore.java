package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.VendorLots.LotSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of one vendor's lots and of what it recorded, for the partner portal; every query names the vendor. */
@Repository
public class VendorLotStore {

    private final JdbcClient jdbc;

    VendorLotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The vendor's lots, newest first (at most 500). */
    public List<LotSummary> lotsOf(UUID vendorId) {
        return jdbc.sql("""
                select l.id, l.status, l.carrier, l.tracking_number, l.created_at,
                       (select count(*) from lot_item i where i.lot_id = l.id),
                       (select count(*) from lot_item i join retirement_request r on r.id = i.retirement_id
                         where i.lot_id = l.id and r.status not in ('CLOSED', 'LOST', 'CANCELLED', 'REJECTED'))
                  from lot l where l.vendor_id = :vendor order by l.created_at desc, l.id limit 500""")
                .param("vendor", vendorId)
                .query((rs, n) -> new LotSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    /** The assets in the vendor's lots. */
    public Set<UUID> assetsOf(UUID vendorId) {
        return Set.copyOf(jdbc.sql("select i.asset_id from lot_item i join lot l on l.id = i.lot_id"
                + " where l.vendor_id = :vendor").param("vendor", vendorId).query(UUID.class).list());
    }

    /** Whether the asset is in one of the vendor's lots. */
    public boolean holdsAsset(UUID vendorId, UUID assetId) {
        return jdbc.sql("select exists (select 1 from lot_item i join lot l on l.id = i.lot_id"
                + " where l.vendor_id = :vendor and i.asset_id = :asset)").param("vendor", vendorId)
                .param("asset", assetId).query(Boolean.class).single();
    }

    /** A retirement in one of the vendor's lots with what was recorded at its end (JSON as stored). */
    public record Row(UUID retirementId, UUID assetId, UUID lotId, String status, String processing,
            Instant processedAt, String settlement, String dispositionCertificate) {
    }

    /** The retirement, if it is in one of the vendor's lots. */
    public Optional<Row> disposal(UUID vendorId, UUID retirementId) {
        return jdbc.sql("""
                select r.id, r.asset_id, l.id, r.status, r.processing::text, r.processed_at, r.settlement::text,
                       r.disposition_certificate
                  from retirement_request r join lot_item i on i.retirement_id = r.id join lot l on l.id = i.lot_id
                 where r.id = :id and l.vendor_id = :vendor""")
                .param("id", retirementId).param("vendor", vendorId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getString(8)))
                .optional();
    }
}
