package com.itadcustody.asset.license;

import com.itadcustody.asset.AssetStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The few facts about assets that seat assignment needs, read from the asset table with the row locks that
 * keep a seat from being assigned to an asset whose seats are being released for retirement.
 */
@Repository
class AssetRows {

    private final JdbcClient jdbc;

    AssetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The asset's status, share-locking its row until the transaction ends so that it cannot change status, nor
     * have its seats released, before a new seat is committed.
     */
    Optional<AssetStatus> statusForAssignment(UUID assetId) {
        return jdbc.sql("select status from asset where id = :id for share")
                .param("id", assetId)
                .query((rs, row) -> AssetStatus.valueOf(rs.getString("status")))
                .optional();
    }

    /** Locks the asset's row against new seat assignments until the transaction ends; false if unknown. */
    boolean lockForRelease(UUID assetId) {
        return jdbc.sql("select id from asset where id = :id for no key update")
                .param("id", assetId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    boolean exists(UUID assetId) {
        return jdbc.sql("select exists (select 1 from asset where id = :id)")
                .param("id", assetId)
                .query(Boolean.class)
                .single();
    }
}
