package com.itadcustody.retirement;

/** Where a retirement request stands. */
public enum RetirementStatus {
    /** Waiting for an asset manager's decision. */
    REQUESTED,
    /** Approved; the asset goes through the retirement steps. */
    APPROVED,
    /** Rejected by an asset manager; the asset is back in service. */
    REJECTED,
    /** Cancelled before handoff; the asset is back in service. */
    CANCELLED,
    /** Every step done. */
    CLOSED,
    /** The asset was lost in transit to the vendor; an incident was recorded. */
    LOST
}
