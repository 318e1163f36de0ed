package com.itadcustody.shared;

/** The roles a user can hold; a {@link #VENDOR} user is always bound to exactly one vendor organisation. */
public enum Role {
    IT_STAFF,
    ASSET_MANAGER,
    VERIFIER,
    VENDOR,
    COMPLIANCE,
    ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
