package com.itadcustody.identity;

import com.itadcustody.shared.Role;
import java.util.Set;
import java.util.UUID;

/**
 * The new state of a user account's changeable fields (the username and password are changed elsewhere).
 *
 * @param displayName the name shown to people
 * @param email where notifications go
 * @param roles the roles to hold, at least one
 * @param vendorId the vendor organisation; required for, and only allowed with, the {@link Role#VENDOR} role
 * @param enabled whether the user may sign in
 */
public record UserChange(String displayName, String email, Set<Role> roles, UUID vendorId, boolean enabled) {

    public UserChange {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
