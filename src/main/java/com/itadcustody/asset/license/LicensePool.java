package com.itadcustody.asset.license;

import java.time.Instant;
import java.util.UUID;

/**
 * A stock of licenses for one product, bought under one metric, from which seats are assigned.
 *
 * @param id the pool's id
 * @param terms what the owner set
 * @param version the optimistic-locking version, raised by every change
 * @param createdAt when the pool was created
 * @param createdBy who created it (user id)
 * @param updatedAt when it was last changed
 * @param updatedBy who last changed it (user id)
 */
record LicensePool(UUID id, PoolTerms terms, int version, Instant createdAt, UUID createdBy, Instant updatedAt,
        UUID updatedBy) {
}
