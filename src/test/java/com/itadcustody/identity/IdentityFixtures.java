package com.itadcustody.identity;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.util.Set;
import java.util.UUID;

/** Names and accounts for identity tests; every call gives names no other test uses. */
public final class IdentityFixtures {

    /** A password that keeps the rules (at least 12 characters). */
    public static final String GOOD_PASSWORD = "correct horse battery";

    private IdentityFixtures() {
    }

    /** A username unique in the test database, e.g. {@code alice.3f9a1c2b}. */
    public static String uniqueUsername(String base) {
        return base + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user with the role, a unique username and {@link #GOOD_PASSWORD}. */
    public static User createUser(Users users, Role role, UUID vendorId) {
        String username = uniqueUsername(role.name().toLowerCase().replace('_', '-'));
        return users.register(new NewUser(username, "Test " + username, username + "@example.org", GOOD_PASSWORD,
                Set.of(role), vendorId), Actor.system());
    }
}
