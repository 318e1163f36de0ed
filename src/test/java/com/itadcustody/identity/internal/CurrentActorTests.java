package com.itadcustody.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.identity.IdentityFixtures;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

class CurrentActorTests extends IntegrationTest {

    @Autowired
    CurrentActor currentActor;

    @Autowired
    Users users;

    @Autowired
    UserDetailsService userDetailsService;

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void isTheSystemOutsideAnyRequest() {
        assertThat(currentActor.get()).isEqualTo(Actor.system());
    }

    @Test
    void isTheSignedInUserWithRolesAndVendor() {
        User user = IdentityFixtures.createUser(users, Role.VERIFIER, null);
        SignedInUser principal = (SignedInUser) userDetailsService.loadUserByUsername(user.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));

        Actor actor = currentActor.get();

        assertThat(actor.userId()).isEqualTo(user.id());
        assertThat(actor.username()).isEqualTo(user.username());
        assertThat(actor.roles()).containsExactly(Role.VERIFIER);
        assertThat(actor.vendorId()).isNull();
    }
}
