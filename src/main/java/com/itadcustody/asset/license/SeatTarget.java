package com.itadcustody.asset.license;

import com.itadcustody.shared.DomainRuleViolated;
import java.util.Locale;
import java.util.UUID;

/**
 * Who holds a seat: exactly one of an asset (a device seat) or a person identifier such as an email (a user
 * seat). Person identifiers are trimmed; they are compared without regard to case.
 *
 * @param assetId the asset, for a device seat
 * @param assignee the person identifier, for a user seat
 */
record SeatTarget(UUID assetId, String assignee) {

    static final int MAX_ASSIGNEE_LENGTH = 320;

    SeatTarget {
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if ((assetId == null) == (assignee == null)) {
            throw DomainRuleViolated.unprocessable("exactly-one-target", assetId == null ? "assetId" : "assignee",
                    "Give either assetId (a device seat) or assignee (a user seat), not both and not neither.");
        }
        if (assignee != null && assignee.length() > MAX_ASSIGNEE_LENGTH) {
            throw DomainRuleViolated.unprocessable("assignee-too-long", "assignee",
                    "The assignee may have at most " + MAX_ASSIGNEE_LENGTH + " characters.");
        }
    }

    static SeatTarget device(UUID assetId) {
        return new SeatTarget(assetId, null);
    }

    static SeatTarget person(String assignee) {
        return new SeatTarget(null, assignee);
    }

    boolean isDevice() {
        return assetId != null;
    }

    boolean isPerson() {
        return assignee != null;
    }

    /** The assignee as compared for duplicates. */
    String assigneeKey() {
        return assignee == null ? null : assignee.toLowerCase(Locale.ROOT);
    }

    /** The request field that names this target, for error messages. */
    String field() {
        return isDevice() ? "assetId" : "assignee";
    }
}
