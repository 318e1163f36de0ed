package com.itadcustody.identity;

import com.itadcustody.shared.Role;
import java.util.Set;
import java.util.UUID;

/**
 * What it takes to create a user account.
 *
 * @param username the login name: 3 to 64 of {@code a-z 0-9 . _ -}
 * @param displayName the name shown to people
 * @param email where notifications go
 * @param password the initial password in clear text (at least 12 characters); only its bcrypt hash is kept
 * @param roles the roles to hold, at least one
 * @param vendorId the vendor organisation; required for, and only allowed with, the {@link Role#VENDOR} role
 */
public record NewUser(String username, String displayName, String email, String password, Set<Role> roles,
        UUID vendorId) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + ", vendorId=" + vendorId + "]";
    }
}
