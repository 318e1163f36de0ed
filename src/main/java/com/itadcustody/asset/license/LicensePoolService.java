package com.itadcustody.asset.license;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and lists license pools. */
@Service
class LicensePoolService {

    static final String POOL = "License pool";

    private final LicensePools pools;
    private final SeatAssignments seats;

    LicensePoolService(LicensePools pools, SeatAssignments seats) {
        this.pools = pools;
        this.seats = seats;
    }

    /** Creates a pool with every seat free, recording the actor as its creator. */
    @Transactional
    public PoolUsage create(PoolTerms terms, Actor actor) {
        Instant now = now();
        LicensePool pool = new LicensePool(UUID.randomUUID(), terms, 0, now, actor.userId(), now, actor.userId());
        pools.insert(pool);
        return new PoolUsage(pool, 0);
    }

    /**
     * Replaces the pool's terms if {@code expectedVersion} is still current (else 409 concurrent-change); refuses
     * to own fewer seats than are assigned or to change the metric so that it no longer fits the active seats.
     */
    @Transactional
    public PoolUsage update(UUID id, int expectedVersion, PoolTerms terms, Actor actor) {
        LicensePool current = pools.lock(id).orElseThrow(() -> new NotFound(POOL, id));
        if (current.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("license pool " + id + " is at version "
                    + current.version() + ", not " + expectedVersion);
        }
        int assigned = seats.countActive(id);
        if (terms.seatsOwned() < assigned) {
            throw DomainRuleViolated.conflict("seats-below-assigned", "seatsOwned",
                    "The pool has " + assigned + " seats assigned; release seats before owning fewer than that.");
        }
        if (terms.metric() != current.terms().metric()) {
            checkMetricFitsActiveSeats(id, terms.metric());
        }
        if (!pools.update(id, expectedVersion, terms, now(), actor.userId())) {
            throw new OptimisticLockingFailureException("license pool " + id + " changed meanwhile");
        }
        return get(id);
    }

    /** The pool with its assigned-seat count; 404 if unknown. */
    @Transactional(readOnly = true)
    public PoolUsage get(UUID id) {
        return pools.find(id).orElseThrow(() -> new NotFound(POOL, id));
    }

    /** One page of the pools the query selects, in its order. */
    @Transactional(readOnly = true)
    public PageResult<PoolUsage> list(PoolQuery query) {
        return PageResult.of(pools.list(query), query.page(), query.size(), pools.count(query));
    }

    private void checkMetricFitsActiveSeats(UUID id, LicenseMetric metric) {
        boolean misfit = switch (metric) {
            case PER_DEVICE -> seats.countActive(id, false) > 0;
            case PER_USER -> seats.countActive(id, true) > 0;
            case CONCURRENT, SUBSCRIPTION -> false;
        };
        if (misfit) {
            throw DomainRuleViolated.conflict("metric-conflicts-with-seats", "metric",
                    "Active seats of this pool are assigned to " + (metric == LicenseMetric.PER_DEVICE
                            ? "people" : "assets") + "; release them before changing the metric to " + metric + ".");
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
