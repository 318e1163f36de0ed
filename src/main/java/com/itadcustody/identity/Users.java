package com.itadcustody.identity;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.PageResult;
import java.util.Optional;
import java.util.UUID;

/**
 * The user accounts: the identity module's API for creating, finding and changing users.
 * Rule violations are raised as {@link com.itadcustody.shared.DomainRuleViolated} naming the rule and field.
 */
public interface Users {

    /**
     * Creates a user account.
     *
     * @throws com.itadcustody.shared.DomainRuleViolated {@code username-taken} (409), {@code password-too-short},
     *     {@code password-too-long}, {@code vendor-required}, {@code vendor-role-alone},
     *     {@code vendor-only-for-vendor-role}, {@code unknown-vendor}, {@code roles-required} (422)
     */
    User register(NewUser user, Actor actor);

    /** The user with this id, if there is one. */
    Optional<User> find(UUID id);

    /** The user with this login name, if there is one. */
    Optional<User> findByUsername(String username);

    /** One page of all users, ordered by username. */
    PageResult<User> list(int page, int size);

    /**
     * Changes a user's display name, email, roles, vendor and enabled flag.
     *
     * @throws com.itadcustody.shared.NotFound if there is no such user
     * @throws com.itadcustody.shared.DomainRuleViolated {@code last-admin} (409) if the change would leave no
     *     enabled administrator, or any of the role and vendor rules of {@link #register}
     */
    User change(UUID id, UserChange change, Actor actor);

    /**
     * Sets a new password.
     *
     * @throws com.itadcustody.shared.NotFound if there is no such user
     * @throws com.itadcustody.shared.DomainRuleViolated {@code password-too-short} or {@code password-too-long}
     */
    void changePassword(UUID id, String newPassword, Actor actor);

    /**
     * One page of the users whose username, display name or email contains {@code text} (ignoring case), ordered
     * by username; a blank text lists everyone.
     */
    PageResult<User> search(String text, int page, int size);

    /** The users with these ids (unknown ids are left out), e.g. to name the authors of a list of changes. */
    java.util.List<User> findAll(java.util.Collection<UUID> ids);

    /** The enabled users holding this role, ordered by username (e.g. whom to notify). */
    java.util.List<User> withRole(com.itadcustody.shared.Role role);

    /** How many user accounts exist. */
    long count();
}
