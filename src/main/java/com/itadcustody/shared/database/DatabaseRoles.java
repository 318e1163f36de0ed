package com.itadcustody.shared.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates the database and its two roles: a schema owner that migrations run as, and an application role that
 * may only read and write data. Idempotent; run with a superuser (or CREATEROLE + CREATEDB) connection.
 * The same statements are documented for operators in {@code migrations/roles.sql}.
 *
 * @param database the database name
 * @param owner the schema-owner role
 * @param ownerPassword the schema owner's password
 * @param app the application role
 * @param appPassword the application role's password
 */
public record DatabaseRoles(String database, String owner, String ownerPassword, String app, String appPassword) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseRoles {
        for (String name : List.of(database, owner, app)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
            }
        }
    }

    /**
     * Provisions roles and database on the server behind {@code adminUrl}.
     *
     * @param adminUrl JDBC URL of an existing database on the server (e.g. {@code postgres})
     * @param adminUser a role allowed to create roles and databases
     * @param adminPassword its password, may be null
     */
    public void provision(String adminUrl, String adminUser, String adminPassword) throws SQLException {
        try (Connection admin = connect(adminUrl, adminUser, adminPassword)) {
            admin.setAutoCommit(true);
            ensureRole(admin, owner, ownerPassword);
            ensureRole(admin, app, appPassword);
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                execute(admin, "create database " + database + " owner " + owner + " encoding 'UTF8'");
            }
            execute(admin, "revoke all on database " + database + " from public");
            execute(admin, "grant connect, temporary on database " + database + " to " + app);
        }
        try (Connection db = connect(withDatabase(adminUrl, database), adminUser, adminPassword)) {
            db.setAutoCommit(true);
            execute(db, "alter schema public owner to " + owner);
            execute(db, "revoke create on schema public from public");
            execute(db, "grant usage on schema public to " + app);
            execute(db, "alter default privileges for role " + owner
                    + " in schema public grant select, insert, update, delete on tables to " + app);
            execute(db, "alter default privileges for role " + owner
                    + " in schema public grant usage, select on sequences to " + app);
        }
    }

    /** Drops the database (forcing connections closed) and both roles; for throw-away test databases. */
    public void drop(String adminUrl, String adminUser, String adminPassword) throws SQLException {
        try (Connection admin = connect(adminUrl, adminUser, adminPassword)) {
            admin.setAutoCommit(true);
            execute(admin, "drop database if exists " + database + " with (force)");
            execute(admin, "drop role if exists " + app);
            execute(admin, "drop role if exists " + owner);
        }
    }

    /** Replaces the database name in a PostgreSQL JDBC URL. */
    public static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//");
        int slash = jdbcUrl.indexOf('/', hostStart + 2);
        int query = jdbcUrl.indexOf('?', slash);
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, slash + 1) + database + tail;
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            execute(admin, "create role " + role + " login");
        }
        // the password is a generated token, but quote it as a literal all the same
        execute(admin, "alter role " + role + " with login password '" + password.replace("'", "''") + "'");
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            return ps.executeQuery().next();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }
}
