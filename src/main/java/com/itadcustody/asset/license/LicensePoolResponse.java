package com.itadcustody.asset.license;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A license pool as answered by the API, with its seat counts.
 *
 * @param id the pool's id
 * @param publisher the software publisher
 * @param product the licensed product
 * @param metric how seats are counted
 * @param seatsOwned seats bought
 * @param seatsAssigned seats assigned and not released
 * @param seatsFree seats that can still be assigned
 * @param renewalDate when the licenses must be renewed
 * @param cost what the pool cost
 * @param currency the ISO 4217 code of the cost
 * @param version the version to send back with a change
 * @param createdAt when the pool was created
 * @param createdBy who created it (user id)
 * @param updatedAt when it was last changed
 * @param updatedBy who last changed it (user id)
 */
record LicensePoolResponse(UUID id, String publisher, String product, LicenseMetric metric, int seatsOwned,
        int seatsAssigned, int seatsFree, LocalDate renewalDate, BigDecimal cost, String currency, int version,
        Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {

    static LicensePoolResponse of(PoolUsage usage) {
        LicensePool p = usage.pool();
        PoolTerms t = p.terms();
        return new LicensePoolResponse(p.id(), t.publisher(), t.product(), t.metric(), t.seatsOwned(),
                usage.seatsAssigned(), usage.seatsFree(), t.renewalDate(), t.cost(), t.currency(), p.version(),
                p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy());
    }
}
