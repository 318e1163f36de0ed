package com.itadcustody.identity.internal;

import com.itadcustody.identity.User;
import com.itadcustody.shared.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads and writes the columns of the {@code app_user} table. */
final class UserRows {

    static final String COLUMNS =
            "id, username, display_name, email, password_hash, roles, vendor_id, enabled, created_at, updated_at";

    private UserRows() {
    }

    static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), roles(rs), rs.getObject("vendor_id", UUID.class), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static SignedInUser signedIn(ResultSet rs, int row) throws SQLException {
        return new SignedInUser(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), roles(rs), rs.getObject("vendor_id", UUID.class),
                rs.getBoolean("enabled"), rs.getString("password_hash"));
    }

    /** The roles as a comma-separated list for {@code string_to_array(?, ',')}. */
    static String rolesParameter(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
