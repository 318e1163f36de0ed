package com.itadcustody.asset.license;

/**
 * A license pool with the number of its seats currently assigned.
 *
 * @param pool the pool
 * @param seatsAssigned seats assigned and not released
 */
record PoolUsage(LicensePool pool, int seatsAssigned) {

    /** Seats that can still be assigned (never negative). */
    int seatsFree() {
        return Math.max(0, pool.terms().seatsOwned() - seatsAssigned);
    }
}
