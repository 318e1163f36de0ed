package com.itadcustody.identity.internal;

import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts kept in the {@code app_user} table, passwords as bcrypt hashes. */
@Service
class JdbcUsers implements Users {

    private static final Logger log = LoggerFactory.getLogger(JdbcUsers.class);
    /** Serialises changes that could take away the last enabled administrator. */
    private static final long ADMIN_CHANGE_LOCK = 0x17AD_0001L;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Vendors vendors;

    /** Creates the repository on the application's data source. */
    JdbcUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder, Vendors vendors) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.vendors = vendors;
    }

    @Override
    @Transactional
    public User register(NewUser user, Actor actor) {
        UserRules.checkUsername(user.username());
        UserRules.checkProfile(user.displayName(), user.email());
        UserRules.checkRoles(user.roles(), user.vendorId());
        UserRules.checkPassword(user.password());
        checkVendorExists(user.vendorId());
        if (findByUsername(user.username()).isPresent()) {
            throw usernameTaken(user.username());
        }
        try {
            User created = jdbc.sql("""
                    insert into app_user (id, username, display_name, email, password_hash, roles, vendor_id,
                                          enabled, created_by, updated_by)
                    values (:id, :username, :displayName, :email, :hash, string_to_array(:roles, ','), :vendorId,
                            true, :actor, :actor)
                    returning\s""" + UserRows.COLUMNS)
                    .param("id", UUID.randomUUID())
                    .param("username", user.username())
                    .param("displayName", user.displayName().strip())
                    .param("email", user.email().strip())
                    .param("hash", passwordEncoder.encode(user.password()))
                    .param("roles", UserRows.rolesParameter(user.roles()))
                    .param("vendorId", user.vendorId())
                    .param("actor", actor.userId())
                    .query(UserRows::user)
                    .single();
            log.info("User {} ({}) created by {} with roles {}", created.username(), created.id(), actor.username(),
                    created.roles());
            return created;
        } catch (DuplicateKeyException e) {
            throw usernameTaken(user.username());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<User> find(UUID id) {
        return jdbc.sql("select " + UserRows.COLUMNS + " from app_user where id = ?")
                .param(id)
                .query(UserRows::user)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + UserRows.COLUMNS + " from app_user where username = ?")
                .param(username)
                .query(UserRows::user)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<User> list(int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        long total = count();
        List<User> users = jdbc.sql("select " + UserRows.COLUMNS
                        + " from app_user order by username limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(UserRows::user)
                .list();
        return PageResult.of(users, page, size, total);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<User> search(String text, int page, int size) {
        if (text == null || text.isBlank()) {
            return list(page, size);
        }
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        String pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " from app_user where username ilike :text escape '\\'"
                + " or display_name ilike :text escape '\\' or email ilike :text escape '\\'";
        long total = jdbc.sql("select count(*)" + where).param("text", pattern).query(Long.class).single();
        List<User> users = jdbc.sql("select " + UserRows.COLUMNS + where
                        + " order by username limit :size offset :offset")
                .param("text", pattern)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(UserRows::user)
                .list();
        return PageResult.of(users, page, size, total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<User> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + UserRows.COLUMNS + " from app_user where id in (:ids) order by username")
                .param("ids", List.copyOf(new java.util.LinkedHashSet<>(ids)))
                .query(UserRows::user)
                .list();
    }

    @Override
    @Transactional
    public User change(UUID id, UserChange change, Actor actor) {
        UserRules.checkProfile(change.displayName(), change.email());
        UserRules.checkRoles(change.roles(), change.vendorId());
        checkVendorExists(change.vendorId());
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ADMIN_CHANGE_LOCK).query().listOfRows();
        User current = find(id).orElseThrow(() -> new NotFound("user", id));
        boolean losesAdmin = current.enabled() && current.has(Role.ADMIN)
                && (!change.enabled() || !change.roles().contains(Role.ADMIN));
        if (losesAdmin && otherEnabledAdmins(id) == 0) {
            throw DomainRuleViolated.conflict("last-admin", change.enabled() ? "roles" : "enabled",
                    "This is the last enabled administrator; make someone else ADMIN first.");
        }
        User changed = jdbc.sql("""
                update app_user
                   set display_name = :displayName, email = :email, roles = string_to_array(:roles, ','),
                       vendor_id = :vendorId, enabled = :enabled, updated_at = now(), updated_by = :actor
                 where id = :id
                returning\s""" + UserRows.COLUMNS)
                .param("id", id)
                .param("displayName", change.displayName().strip())
                .param("email", change.email().strip())
                .param("roles", UserRows.rolesParameter(change.roles()))
                .param("vendorId", change.vendorId())
                .param("enabled", change.enabled())
                .param("actor", actor.userId())
                .query(UserRows::user)
                .single();
        if (!changed.roles().equals(current.roles()) || changed.enabled() != current.enabled()) {
            log.info("User {} ({}) changed by {}: roles {} -> {}, enabled {} -> {}", changed.username(), id,
                    actor.username(), current.roles(), changed.roles(), current.enabled(), changed.enabled());
        }
        return changed;
    }

    @Override
    @Transactional
    public void changePassword(UUID id, String newPassword, Actor actor) {
        UserRules.checkPassword(newPassword);
        int updated = jdbc.sql("""
                update app_user set password_hash = :hash, updated_at = now(), updated_by = :actor where id = :id""")
                .param("hash", passwordEncoder.encode(newPassword))
                .param("actor", actor.userId())
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new NotFound("user", id);
        }
        log.info("Password of user {} changed by {}", id, actor.username());
    }

    @Override
    @Transactional(readOnly = true)
    public List<User> withRole(Role role) {
        return jdbc.sql("select " + UserRows.COLUMNS
                        + " from app_user where enabled and :role = any (roles) order by username")
                .param("role", role.name())
                .query(UserRows::user)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private long otherEnabledAdmins(UUID id) {
        return jdbc.sql("""
                select count(*) from app_user where enabled and 'ADMIN' = any (roles) and id <> ?""")
                .param(id)
                .query(Long.class)
                .single();
    }

    private void checkVendorExists(UUID vendorId) {
        if (vendorId != null && vendors.find(vendorId).isEmpty()) {
            throw DomainRuleViolated.unprocessable("unknown-vendor", "vendorId",
                    "There is no vendor organisation " + vendorId + ".");
        }
    }

    private static DomainRuleViolated usernameTaken(String username) {
        return DomainRuleViolated.conflict("username-taken", "username",
                "The username '" + username + "' is taken.");
    }
}
