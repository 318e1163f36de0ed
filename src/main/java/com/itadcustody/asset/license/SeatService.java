package com.itadcustody.asset.license;

import static com.itadcustody.asset.license.LicensePoolService.POOL;
import static com.itadcustody.asset.license.LicensePoolService.now;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.LicenseSeats;
import com.itadcustody.asset.SeatAssignmentView;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns seats from license pools and releases them, keeping every pool's free-seat count right under
 * concurrent requests by locking the pool's row for the length of an assignment.
 */
@Service
class SeatService implements LicenseSeats {

    /** Statuses of assets that are gone for good and may not receive seats. */
    static final Set<AssetStatus> OUT_OF_SERVICE = EnumSet.of(AssetStatus.DISPOSED, AssetStatus.ARCHIVED,
            AssetStatus.LOST);

    static final String SEAT = "Seat assignment";

    private final LicensePools pools;
    private final SeatAssignments seats;
    private final AssetRows assets;
    private final CustodyLog custody;

    SeatService(LicensePools pools, SeatAssignments seats, AssetRows assets, CustodyLog custody) {
        this.custody = custody;
        this.pools = pools;
        this.seats = seats;
        this.assets = assets;
    }

    /** Assigns a free seat of the pool to the target, or refuses with the rule that stands in the way. */
    @Transactional
    public SeatAssignment assign(UUID poolId, SeatTarget target, Actor actor) {
        LicensePool pool = pools.lock(poolId).orElseThrow(() -> new NotFound(POOL, poolId));
        LicenseMetric metric = pool.terms().metric();
        if (!metric.accepts(target)) {
            throw DomainRuleViolated.unprocessable("seat-target-mismatch", target.field(),
                    metric == LicenseMetric.PER_DEVICE
                            ? "Seats of a PER_DEVICE pool go to assets: give assetId, not assignee."
                            : "Seats of a PER_USER pool go to people: give assignee, not assetId.");
        }
        if (target.isDevice()) {
            AssetStatus status = assets.statusForAssignment(target.assetId()).orElseThrow(() ->
                    DomainRuleViolated.unprocessable("unknown-asset", "assetId",
                            "There is no asset " + target.assetId() + "."));
            if (OUT_OF_SERVICE.contains(status)) {
                throw DomainRuleViolated.conflict("asset-not-in-service", "assetId",
                        "The asset is " + status + " and cannot hold license seats.");
            }
        }
        if (seats.isActivelyAssigned(poolId, target)) {
            throw DomainRuleViolated.conflict("already-assigned", target.field(), "A seat of this pool is already "
                    + "assigned to " + (target.isDevice() ? "this asset." : "this person."));
        }
        int assigned = seats.countActive(poolId);
        if (assigned >= pool.terms().seatsOwned()) {
            throw DomainRuleViolated.conflict("no-free-seats", null, "All " + pool.terms().seatsOwned()
                    + " seats of the pool are assigned; release one or raise seatsOwned.");
        }
        SeatAssignment seat = new SeatAssignment(UUID.randomUUID(), poolId, target.assetId(), target.assignee(),
                now(), actor.userId(), null, null);
        try {
            seats.insert(seat);
        } catch (DuplicateKeyException e) {
            // only reachable if the pool lock were bypassed; the unique indexes are the last line of defence
            throw DomainRuleViolated.conflict("already-assigned", target.field(),
                    "A seat of this pool is already assigned to this target.");
        }
        if (target.isDevice()) {
            custody.append(seatEvent("LICENSE_SEAT_ASSIGNED", pool, seat.assetId(), seat.id(), actor));
        }
        return seat;
    }

    /** Releases an active seat of the pool; the assignment stays in the pool's history. */
    @Transactional
    public SeatAssignment release(UUID poolId, UUID seatId, Actor actor) {
        SeatAssignment seat = seats.find(poolId, seatId).orElseThrow(() -> new NotFound(SEAT, seatId));
        Instant now = now();
        if (!seat.active() || !seats.release(seatId, now, actor.userId())) {
            throw DomainRuleViolated.conflict("already-released", null, "The seat was already released.");
        }
        if (seat.assetId() != null) {
            custody.append(seatEvent("LICENSE_SEAT_RELEASED", pools.find(poolId).orElseThrow().pool(), seat.assetId(),
                    seat.id(), actor));
        }
        return new SeatAssignment(seat.id(), seat.poolId(), seat.assetId(), seat.assignee(), seat.assignedAt(),
                seat.assignedBy(), now, actor.userId());
    }

    private static CustodyEvent seatEvent(String type, LicensePool pool, UUID assetId, UUID seatId, Actor actor) {
        return new CustodyEvent(UUID.randomUUID(), assetId, null, null, type, Instant.now(), actor, null, List.of(),
                Map.of("poolId", pool.id().toString(), "seatId", seatId.toString(), "publisher",
                        pool.terms().publisher(), "product", pool.terms().product()));
    }

    /** The pool's active seats, or its whole history; 404 for an unknown pool. */
    @Transactional(readOnly = true)
    public List<SeatAssignment> seatsOf(UUID poolId, boolean includeReleased) {
        if (pools.find(poolId).isEmpty()) {
            throw new NotFound(POOL, poolId);
        }
        return seats.ofPool(poolId, includeReleased);
    }

    /** The asset's active seats; 404 for an unknown asset. */
    @Transactional(readOnly = true)
    public List<SeatAssignmentView> seatsOfExistingAsset(UUID assetId) {
        if (!assets.exists(assetId)) {
            throw new NotFound("Asset", assetId);
        }
        return seats.activeOfAsset(assetId);
    }

    @Override
    @Transactional
    public int releaseAllSeatsOf(UUID assetId, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!assets.lockForRelease(assetId)) {
            return 0;
        }
        List<SeatAssignmentView> active = seats.activeOfAsset(assetId);
        int released = seats.releaseAllOfAsset(assetId, now(), actor.userId());
        for (SeatAssignmentView seat : active) {
            custody.append(new CustodyEvent(UUID.randomUUID(), assetId, null, null, "LICENSE_SEAT_RELEASED",
                    Instant.now(), actor, null, List.of(), Map.of("poolId", seat.poolId().toString(), "seatId",
                    seat.id().toString(), "publisher", seat.publisher(), "product", seat.product())));
        }
        return released;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SeatAssignmentView> activeSeatsOf(UUID assetId) {
        return seats.activeOfAsset(assetId);
    }
}
