package com.itadcustody.identity;

import com.itadcustody.shared.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user account as other modules and the API see it; the password hash never leaves the identity module.
 *
 * @param id the user's id (what custody events and processes record)
 * @param username the login name
 * @param displayName the name shown to people
 * @param email where notifications go
 * @param roles the roles held
 * @param vendorId the vendor organisation of a {@link Role#VENDOR} user, otherwise null
 * @param enabled whether the user may sign in
 * @param createdAt when the account was created
 * @param updatedAt when it was last changed
 */
public record User(UUID id, String username, String displayName, String email, Set<Role> roles, UUID vendorId,
        boolean enabled, Instant createdAt, Instant updatedAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    /** Whether the user holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
