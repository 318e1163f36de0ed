package com.itadcustody.retirement.process;

import com.itadcustody.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on into Cockpit and Tasklist: takes the user from our Spring Security session instead of asking
 * for a Camunda login. Only administrators get through (Spring Security already answers 403 to everyone else
 * on {@code /camunda/**}); they enter as members of Camunda's {@value #ADMIN_GROUP} group. Camunda's webapps
 * look users up in the engine's identity tables, so on first sight the user is recorded there, with a random
 * password nobody knows.
 *
 * <p>Instantiated by Camunda's {@code ContainerBasedAuthenticationFilter} through its
 * {@code authentication-provider} init parameter, so it needs a public no-argument constructor.
 */
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

    /** Camunda's built-in administrators group. */
    public static final String ADMIN_GROUP = "camunda-admin";

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Set<String> knownUsers = ConcurrentHashMap.newKeySet();

    /** Creates the provider; Camunda's filter does this once. */
    public SpringSecurityAuthenticationProvider() {
        // stateless apart from the cache of users already recorded in the engine
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || !isAdmin(authentication)) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = authentication.getName();
        recordInEngine(engine, userId);
        AuthenticationResult result = AuthenticationResult.successful(userId);
        result.setGroups(List.of(ADMIN_GROUP));
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // nothing to add: signing in happens on our own /login page
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
    }

    private void recordInEngine(ProcessEngine engine, String userId) {
        String key = engine.getName() + "/" + userId;
        if (knownUsers.contains(key)) {
            return;
        }
        synchronized (this) {
            IdentityService identities = engine.getIdentityService();
            if (!identities.isReadOnly()) {
                if (identities.createGroupQuery().groupId(ADMIN_GROUP).count() == 0) {
                    Group group = identities.newGroup(ADMIN_GROUP);
                    group.setName("Camunda administrators");
                    group.setType("SYSTEM");
                    identities.saveGroup(group);
                }
                if (identities.createUserQuery().userId(userId).count() == 0) {
                    User user = identities.newUser(userId);
                    user.setFirstName(userId);
                    user.setLastName("(ITAD Custody)");
                    user.setPassword(randomPassword());
                    identities.saveUser(user);
                }
                if (identities.createUserQuery().userId(userId).memberOfGroup(ADMIN_GROUP).count() == 0) {
                    identities.createMembership(userId, ADMIN_GROUP);
                }
            }
            knownUsers.add(key);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
