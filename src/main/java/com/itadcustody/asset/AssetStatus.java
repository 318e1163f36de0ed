package com.itadcustody.asset;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an asset stands in its life. Only the transitions listed here exist; all but archiving are made by
 * the retirement workflow.
 */
public enum AssetStatus {
    IN_SERVICE,
    RETIREMENT_REQUESTED,
    RETIREMENT_APPROVED,
    SANITIZED,
    RELEASED_TO_VENDOR,
    RECEIVED_BY_VENDOR,
    DISPOSED,
    LOST,
    ARCHIVED;

    /** The statuses this one may move to. */
    public Set<AssetStatus> next() {
        return switch (this) {
            case IN_SERVICE -> EnumSet.of(RETIREMENT_REQUESTED, ARCHIVED, LOST);
            // rejected or cancelled requests return the asset to service
            case RETIREMENT_REQUESTED -> EnumSet.of(RETIREMENT_APPROVED, IN_SERVICE);
            case RETIREMENT_APPROVED -> EnumSet.of(SANITIZED, IN_SERVICE);
            case SANITIZED -> EnumSet.of(RELEASED_TO_VENDOR, DISPOSED);
            case RELEASED_TO_VENDOR -> EnumSet.of(RECEIVED_BY_VENDOR, LOST);
            case RECEIVED_BY_VENDOR -> EnumSet.of(DISPOSED);
            case DISPOSED, LOST, ARCHIVED -> EnumSet.noneOf(AssetStatus.class);
        };
    }

    /** Whether moving from this status to {@code target} is allowed. */
    public boolean canMoveTo(AssetStatus target) {
        return next().contains(target);
    }

    /** Whether the asset's history is closed and nothing about it may change any more. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
