package com.itadcustody.identity.internal;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of an authenticated request or session: who signed in, with which roles and vendor. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final UUID vendorId;
    private final boolean enabled;
    private String passwordHash;

    SignedInUser(UUID id, String username, String displayName, Set<Role> roles, UUID vendorId, boolean enabled,
            String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.vendorId = vendorId;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    /** The user's id. */
    public UUID id() {
        return id;
    }

    /** The name shown to people. */
    public String displayName() {
        return displayName;
    }

    /** The roles held when the user signed in. */
    public Set<Role> roles() {
        return roles;
    }

    /** The vendor organisation of a vendor user, otherwise null. */
    public UUID vendorId() {
        return vendorId;
    }

    /** The acting user as the domain sees it. */
    public Actor actor() {
        return new Actor(id, username, roles, vendorId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser user && user.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", roles=" + roles + "]";
    }
}
