package com.itadcustody.asset.license;

import com.itadcustody.asset.LicenseSetup;
import com.itadcustody.shared.Actor;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bulk set-up of device pools and seats through {@link LicensePoolService} and {@link SeatService}. */
@Service
class LicenseSetupService implements LicenseSetup {

    private final LicensePoolService pools;
    private final SeatService seats;

    LicenseSetupService(LicensePoolService pools, SeatService seats) {
        this.pools = pools;
        this.seats = seats;
    }

    @Override
    @Transactional
    public UUID createDevicePool(String publisher, String product, int seatsOwned, BigDecimal cost, String currency,
            Actor actor) {
        return pools.create(new PoolTerms(publisher, product, LicenseMetric.PER_DEVICE, seatsOwned, null, cost,
                currency), actor).pool().id();
    }

    @Override
    @Transactional
    public int assignDeviceSeats(UUID poolId, List<UUID> assetIds, Actor actor) {
        for (UUID assetId : assetIds) {
            seats.assign(poolId, new SeatTarget(assetId, null), actor);
        }
        return assetIds.size();
    }
}
