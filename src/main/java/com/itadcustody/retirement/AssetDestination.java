package com.itadcustody.retirement;

/** Where a retired asset's media go next, as the NIST SP 800-88 decision asks. */
public enum AssetDestination {
    /** Reused inside the organisation. */
    INTERNAL_REUSE,
    /** Leaves the organisation for reuse: resale, donation, lease return, manufacturer. */
    LEAVES_ORGANISATION,
    /** Not reused: recycling or destruction. */
    DISPOSAL
}
