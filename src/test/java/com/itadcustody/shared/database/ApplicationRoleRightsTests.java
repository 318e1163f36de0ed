package com.itadcustody.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application role may read and write data but never change the schema; the schema owner owns every table.
 * Runs after the migrations, on a fresh test database with fresh roles.
 */
class ApplicationRoleRightsTests extends IntegrationTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final TestDatabase db = TestDatabase.get();

    @Autowired
    DataSource dataSource;

    @Autowired
    SpringLiquibase liquibase;

    @Test
    void applicationPoolConnectsAsTheApplicationRole() {
        String user = JdbcClient.create(dataSource).sql("select current_user").query(String.class).single();

        assertThat(user)
                .as("the pool's role; a user= parameter in the JDBC URL would override the configured role")
                .isEqualTo(db.appUser());
    }

    @Test
    void schemaOwnerOwnsEveryTableAndSequence() throws SQLException {
        List<String> notOwned = strings(asAdmin(), """
                select c.relname || ' (' || pg_get_userbyid(c.relowner) || ')'
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v', 'm')
                  and pg_get_userbyid(c.relowner) <> '%s'
                order by 1""".formatted(db.ownerUser()));

        assertThat(strings(asAdmin(), "select tablename from pg_tables where schemaname = 'public'"))
                .contains("asset", "custody_inbox", "databasechangelog")
                .anyMatch(table -> table.startsWith("act_"));
        assertThat(notOwned).isEmpty();
    }

    @Test
    void neitherRoleIsPrivileged() throws SQLException {
        List<String> privileged = strings(asAdmin(), """
                select rolname from pg_roles
                where rolname in ('%s', '%s')
                  and (rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls)"""
                .formatted(db.appUser(), db.ownerUser()));

        assertThat(privileged).isEmpty();
    }

    @Test
    void applicationRoleCannotCreateTables() {
        assertRefused("create table intruder (id int)");
    }

    @Test
    void applicationRoleCannotDropTables() {
        assertRefused("drop table asset");
    }

    @Test
    void applicationRoleCannotAlterTables() {
        assertRefused("alter table asset add column intruder int");
    }

    @Test
    void applicationRoleCannotCreateIndexes() {
        assertRefused("create index intruder on asset (tag)");
    }

    @Test
    void applicationRoleCannotTruncateTables() {
        assertRefused("truncate custody_inbox");
    }

    @Test
    void applicationRoleHoldsNoTruncateReferencesOrTriggerRights() throws SQLException {
        List<String> granted = strings(asAdmin(), """
                select t.tablename || ': ' || p.privilege
                from pg_tables t
                cross join (values ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) as p (privilege)
                where t.schemaname = 'public'
                  and has_table_privilege('%s', format('public.%%I', t.tablename), p.privilege)
                order by 1""".formatted(db.appUser()));

        assertThat(granted).isEmpty();
    }

    @Test
    void applicationRoleCannotCreateSchemas() {
        assertRefused("create schema intruder");
    }

    @Test
    void applicationRoleCannotCreateFunctions() {
        assertRefused("create function intruder() returns int language sql as 'select 1'");
    }

    @Test
    void applicationRoleReadsAndWritesData() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            try (Statement s = app.createStatement()) {
                UUID event = UUID.randomUUID();
                int inserted = s.executeUpdate("""
                        insert into custody_inbox (event_id, asset_id, type, occurred_at)
                        values ('%s', '%s', 'ROLE_RIGHTS_PROBE', now())""".formatted(event, UUID.randomUUID()));
                int updated = s.executeUpdate(
                        "update custody_inbox set actor_role = 'PROBE' where event_id = '" + event + "'");
                List<String> found = firstColumn(app,
                        "select count(*) from custody_inbox where event_id = '" + event + "'");
                List<String> assets = firstColumn(app, "select count(*) from asset");
                int deleted = s.executeUpdate("delete from custody_inbox where event_id = '" + event + "'");

                assertThat(inserted).isEqualTo(1);
                assertThat(updated).isEqualTo(1);
                assertThat(found).containsExactly("1");
                assertThat(deleted).isEqualTo(1);
                assertThat(assets).hasSize(1);
            } finally {
                app.rollback();
            }
        }
    }

    @Test
    void runningTheMigrationsAgainChangesNothing() throws Exception {
        String changelog = "select count(*) || ':' || coalesce(max(orderexecuted), 0) from databasechangelog";
        String before = strings(asAdmin(), changelog).get(0);

        liquibase.afterPropertiesSet();

        assertThat(strings(asAdmin(), changelog).get(0)).isEqualTo(before);
        assertThat(strings(asAdmin(), "select count(*) from databasechangelog where exectype <> 'EXECUTED'"))
                .containsExactly("0");
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> {
            try (Connection app = asApp(); Statement s = app.createStatement()) {
                s.execute(sql);
            }
        })
                .as("as %s: %s", db.appUser(), sql)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                        .as("SQLState of: %s", e.getMessage())
                        .isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private Connection asApp() throws SQLException {
        Connection connection = connect(db.appUser(), db.appPassword());
        assertThat(firstColumn(connection, "select current_user")).containsExactly(db.appUser());
        return connection;
    }

    private Connection asAdmin() throws SQLException {
        return connect(db.adminUser(), db.adminPassword());
    }

    /** Connects to the test database as the given role, whatever credentials the configured URL carries. */
    private Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(withoutCredentials(db.url()), props);
    }

    /** PostgreSQL's driver lets {@code user=} and {@code password=} in the URL win over the given properties. */
    static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            String name = parameter.split("=", 2)[0];
            if (!name.equals("user") && !name.equals("password") && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return jdbcUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** Runs a query and returns its first column as strings, then closes the connection. */
    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (connection) {
            return firstColumn(connection, sql);
        }
    }

    private static List<String> firstColumn(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
