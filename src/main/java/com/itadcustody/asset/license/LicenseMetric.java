package com.itadcustody.asset.license;

/** How a license pool is counted, which decides whether its seats go to devices, people or either. */
enum LicenseMetric {
    PER_USER,
    PER_DEVICE,
    CONCURRENT,
    SUBSCRIPTION;

    /** Whether a seat of this metric may go to the given kind of target. */
    boolean accepts(SeatTarget target) {
        return switch (this) {
            case PER_USER -> target.isPerson();
            case PER_DEVICE -> target.isDevice();
            case CONCURRENT, SUBSCRIPTION -> true;
        };
    }
}
