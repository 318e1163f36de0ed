package com.itadcustody.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: a pseudonymous user id, the user's roles and, for vendor users, their vendor organisation.
 *
 * @param userId the user's id (never a name: names live in the identity tables)
 * @param username the login name, for messages to the user only
 * @param roles the roles held
 * @param vendorId the vendor organisation of a {@link Role#VENDOR} user, otherwise null
 */
public record Actor(UUID userId, String username, Set<Role> roles, UUID vendorId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The actor for work the system does on its own (migrations, scheduled jobs, demo data). */
    public static Actor system() {
        return new Actor(null, "system", Set.of(), null);
    }

    /** Whether the actor holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
