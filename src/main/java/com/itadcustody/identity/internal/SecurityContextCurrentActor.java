package com.itadcustody.identity.internal;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The actor of the current thread from Spring Security: the signed-in user during a request, an anonymous actor
 * (no id, no roles) during an unauthenticated request, and {@link Actor#system()} outside any request.
 */
@Component
class SecurityContextCurrentActor implements CurrentActor {

    static final Actor ANONYMOUS = new Actor(null, "anonymous", Set.of(), null);

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            if (authentication.getPrincipal() instanceof SignedInUser user) {
                return user.actor();
            }
            // e.g. a test's mock user: no id, but the name and roles it was given
            return new Actor(null, authentication.getName(), roles(authentication), null);
        }
        return RequestContextHolder.getRequestAttributes() != null ? ANONYMOUS : Actor.system();
    }

    private static Set<Role> roles(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Arrays.stream(Role.values())
                    .filter(role -> role.authority().equals(authority.getAuthority()))
                    .forEach(roles::add);
        }
        return roles;
    }
}
