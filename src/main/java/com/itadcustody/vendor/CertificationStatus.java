package com.itadcustody.vendor;

/** Where a certification stands on a given day. */
public enum CertificationStatus {
    /** In force, and not ending within the warning period. */
    VALID,
    /** In force, but its last day is within the warning period (30 days unless configured). */
    EXPIRING,
    /** Its last day has passed. */
    EXPIRED,
    /** Its first day is still to come. */
    NOT_YET_VALID;

    /** Whether a certification in this status is in force (VALID or EXPIRING). */
    public boolean inForce() {
        return this == VALID || this == EXPIRING;
    }
}
