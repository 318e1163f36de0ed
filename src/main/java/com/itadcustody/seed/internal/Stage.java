package com.itadcustody.seed.internal;

/** Where the generator leaves a retirement (its target), in workflow order. */
enum Stage {
    /** Requested; the approval waits (and is escalated once its SLA passes). */
    REQUESTED,
    /** Rejected by the asset manager. */
    REJECTED,
    /** Approved, then cancelled by IT staff before the de-provisioning. */
    CANCELLED,
    /** Approved; the de-provisioning attestation waits. */
    PREPARING,
    /** Prepared; the sanitization of its media waits. */
    SANITIZING,
    /** Every medium sanitized, verified and certified; waits for a lot. */
    AWAITING_LOT,
    /** In a lot whose manifest is signed off; the vendor's pickup waits. */
    LOT_SIGNED_OFF,
    /** In a lot the vendor picked up; the receipt waits. */
    LOT_PICKED_UP,
    /** In a lot received with a missing serial; the discrepancy waits for IT staff. */
    LOT_DISCREPANCY,
    /** Received by the vendor; the grading and disposition waits. */
    RECEIVED,
    /** Processed by the vendor; the settlement waits. */
    PROCESSED,
    /** Closed with its certificate of disposition. */
    CLOSED,
    /** Missing at the vendor's receipt and resolved as lost in transit. */
    LOST;

    /** Whether the retirement goes into a lot. */
    boolean inLot() {
        return compareTo(LOT_SIGNED_OFF) >= 0;
    }

    /** The lot's own target: lots are made of retirements that stop at the same lot step (or go past the lot). */
    Stage lotStage() {
        return switch (this) {
            case LOT_SIGNED_OFF, LOT_PICKED_UP, LOT_DISCREPANCY -> this;
            default -> RECEIVED;
        };
    }
}
