package com.itadcustody.console.staff;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;

/** Who may open the staff pages and do what on them. */
final class StaffAccess {

    /** Every staff role: vendors never. */
    static final String STAFF = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN')";

    /** Making lots (as {@code POST /api/v1/lots}). */
    static final String LOT_MAKERS = "hasRole('IT_STAFF')";

    private StaffAccess() {
    }

    /** Whether the actor holds a staff role. */
    static boolean isStaff(Actor actor) {
        return actor.has(Role.IT_STAFF) || actor.has(Role.ASSET_MANAGER) || actor.has(Role.VERIFIER)
                || actor.has(Role.COMPLIANCE) || actor.has(Role.ADMIN);
    }

    /** Whether the actor may start retirements (as {@code POST /api/v1/retirements}). */
    static boolean mayRequestRetirements(Actor actor) {
        return actor.has(Role.IT_STAFF) || actor.has(Role.ASSET_MANAGER) || actor.has(Role.ADMIN);
    }

    /** Whether the actor may build evidence packs (compliance pages). */
    static boolean mayBuildEvidencePacks(Actor actor) {
        return actor.has(Role.COMPLIANCE) || actor.has(Role.ADMIN);
    }
}
