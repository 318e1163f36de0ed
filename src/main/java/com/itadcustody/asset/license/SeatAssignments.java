package com.itadcustody.asset.license;

import static com.itadcustody.asset.license.LicensePools.instant;
import static com.itadcustody.asset.license.LicensePools.timestamp;

import com.itadcustody.asset.SeatAssignmentView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored seat assignments, active and released; rows are never deleted. */
@Repository
class SeatAssignments {

    private final JdbcClient jdbc;

    SeatAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SeatAssignment seat) {
        jdbc.sql("""
                insert into seat_assignment (id, pool_id, asset_id, assignee, assigned_at, assigned_by)
                values (:id, :poolId, :assetId, :assignee, :assignedAt, :assignedBy)""")
                .param("id", seat.id())
                .param("poolId", seat.poolId())
                .param("assetId", seat.assetId())
                .param("assignee", seat.assignee())
                .param("assignedAt", timestamp(seat.assignedAt()))
                .param("assignedBy", seat.assignedBy())
                .update();
    }

    int countActive(UUID poolId) {
        return jdbc.sql("select count(*) from seat_assignment where pool_id = :poolId and released_at is null")
                .param("poolId", poolId)
                .query(Integer.class)
                .single();
    }

    /** Counts the pool's active seats held by assets (device seats) or by people (user seats). */
    int countActive(UUID poolId, boolean devices) {
        return jdbc.sql("select count(*) from seat_assignment where pool_id = :poolId and released_at is null"
                        + (devices ? " and asset_id is not null" : " and assignee is not null"))
                .param("poolId", poolId)
                .query(Integer.class)
                .single();
    }

    boolean isActivelyAssigned(UUID poolId, SeatTarget target) {
        String condition = target.isDevice() ? "asset_id = :assetId" : "lower(assignee) = :assignee";
        return jdbc.sql("select exists (select 1 from seat_assignment where pool_id = :poolId and released_at is null"
                        + " and " + condition + ")")
                .param("poolId", poolId)
                .param("assetId", target.assetId())
                .param("assignee", target.assigneeKey())
                .query(Boolean.class)
                .single();
    }

    Optional<SeatAssignment> find(UUID poolId, UUID seatId) {
        return jdbc.sql("select * from seat_assignment where id = :id and pool_id = :poolId")
                .param("id", seatId)
                .param("poolId", poolId)
                .query(SeatAssignments::map)
                .optional();
    }

    /** The pool's seats, oldest first; released ones only if asked. */
    List<SeatAssignment> ofPool(UUID poolId, boolean includeReleased) {
        return jdbc.sql("select * from seat_assignment where pool_id = :poolId"
                        + (includeReleased ? "" : " and released_at is null") + " order by assigned_at, id")
                .param("poolId", poolId)
                .query(SeatAssignments::map)
                .list();
    }

    /** Releases the seat if it is still active; returns whether it was. */
    boolean release(UUID seatId, Instant at, UUID by) {
        return jdbc.sql("""
                update seat_assignment set released_at = :at, released_by = :by
                 where id = :id and released_at is null""")
                .param("id", seatId)
                .param("at", timestamp(at))
                .param("by", by)
                .update() == 1;
    }

    /** Releases every active seat the asset holds and returns how many. */
    int releaseAllOfAsset(UUID assetId, Instant at, UUID by) {
        return jdbc.sql("""
                update seat_assignment set released_at = :at, released_by = :by
                 where asset_id = :assetId and released_at is null""")
                .param("assetId", assetId)
                .param("at", timestamp(at))
                .param("by", by)
                .update();
    }

    List<SeatAssignmentView> activeOfAsset(UUID assetId) {
        return jdbc.sql("""
                select s.id, s.pool_id, p.publisher, p.product, p.metric, s.asset_id, s.assigned_at, s.assigned_by
                  from seat_assignment s join license_pool p on p.id = s.pool_id
                 where s.asset_id = :assetId and s.released_at is null
                 order by s.assigned_at, s.id""")
                .param("assetId", assetId)
                .query((rs, row) -> new SeatAssignmentView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("pool_id", UUID.class),
                        rs.getString("publisher"),
                        rs.getString("product"),
                        rs.getString("metric"),
                        rs.getObject("asset_id", UUID.class),
                        instant(rs, "assigned_at"),
                        rs.getObject("assigned_by", UUID.class)))
                .list();
    }

    private static SeatAssignment map(ResultSet rs, int row) throws SQLException {
        return new SeatAssignment(
                rs.getObject("id", UUID.class),
                rs.getObject("pool_id", UUID.class),
                rs.getObject("asset_id", UUID.class),
                rs.getString("assignee"),
                instant(rs, "assigned_at"),
                rs.getObject("assigned_by", UUID.class),
                instant(rs, "released_at"),
                rs.getObject("released_by", UUID.class));
    }
}
