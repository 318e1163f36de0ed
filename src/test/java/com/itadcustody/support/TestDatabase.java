package com.itadcustody.support;

import com.itadcustody.shared.database.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run against, created once per test JVM with a fresh database and fresh roles:
 * the server at {@code ITAD_TEST_DB_URL} if set (CI sets it to the machine's PostgreSQL); otherwise a
 * Testcontainers PostgreSQL when Docker is available; otherwise an embedded PostgreSQL in a temporary folder.
 * Databases left by runs more than six hours old are dropped when the next run starts.
 */
public final class TestDatabase {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static TestDatabase instance;
    private static TestDatabase isolated;

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;
    private final DatabaseRoles roles;
    private final String url;
    private final String kind;

    private TestDatabase(String kind, String adminUrl, String adminUser, String adminPassword) {
        this.kind = kind;
        // credentials in the URL would override the roles' own when the application connects: move them out
        Map<String, String> query = queryParameters(adminUrl);
        this.adminUrl = withoutQuery(adminUrl);
        this.adminUser = adminUser != null ? adminUser : query.get("user");
        this.adminPassword = adminPassword != null ? adminPassword : query.get("password");
        dropLeftovers();
        String suffix = LocalDateTime.now().format(STAMP) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        this.roles = new DatabaseRoles("itad_test_" + suffix, "itad_owner_" + suffix, UUID.randomUUID().toString(),
                "itad_app_" + suffix, UUID.randomUUID().toString());
        try {
            roles.provision(this.adminUrl, this.adminUser, this.adminPassword);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database on " + this.adminUrl, e);
        }
        this.url = DatabaseRoles.withDatabase(this.adminUrl, roles.database());
    }

    /** The shared test database, created on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    /**
     * A second, separate database on the same server, for tests that damage what they run on (tamper tests);
     * created once per JVM.
     */
    public static synchronized TestDatabase isolated() {
        if (isolated == null) {
            TestDatabase shared = get();
            isolated = new TestDatabase(shared.kind, shared.adminUrl, shared.adminUser, shared.adminPassword);
        }
        return isolated;
    }

    /** A new, separate database on the same server each time, for tests that run their own application nodes. */
    public static synchronized TestDatabase fresh() {
        TestDatabase shared = get();
        return new TestDatabase(shared.kind, shared.adminUrl, shared.adminUser, shared.adminPassword);
    }

    private static TestDatabase create() {
        String external = System.getenv("ITAD_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return new TestDatabase("external", external, System.getenv("ITAD_TEST_DB_USER"),
                    System.getenv("ITAD_TEST_DB_PASSWORD"));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            return new TestDatabase("testcontainers", container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("itad-test-pg"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // shutdown hooks run concurrently: let Spring close the contexts (engine, pools) first
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        if (t.getName().equals("SpringApplicationShutdownHook")) {
                            t.join(30_000);
                        }
                    }
                    embedded.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException ignored) {
                    // the temporary server goes away with the JVM anyway
                }
            }, "stop-embedded-test-postgres"));
            return new TestDatabase("embedded", "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres",
                    "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Drops test databases (and their roles) that earlier runs left behind more than six hours ago. A run cannot
     * drop its own database at exit: the application contexts still hold connections until the JVM ends.
     */
    private void dropLeftovers() {
        String cutoff = LocalDateTime.now().minusHours(6).format(STAMP);
        try (Connection admin = connect()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = admin.createStatement().executeQuery(
                    "select datname from pg_database where datname ~ '^itad_test_[0-9]{14}_[0-9a-f]{8}$'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.substring("itad_test_".length(), "itad_test_".length() + 14).compareTo(cutoff) < 0) {
                        stale.add(name.substring("itad_test_".length()));
                    }
                }
            }
            for (String suffix : stale) {
                new DatabaseRoles("itad_test_" + suffix, "itad_owner_" + suffix, "unused", "itad_app_" + suffix,
                        "unused").drop(adminUrl, adminUser, adminPassword);
            }
        } catch (SQLException ignored) {
            // best effort: leftovers never affect a run, which always uses fresh names
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (adminUser != null) {
            props.setProperty("user", adminUser);
        }
        if (adminPassword != null) {
            props.setProperty("password", adminPassword);
        }
        return DriverManager.getConnection(adminUrl, props);
    }

    private static Map<String, String> queryParameters(String url) {
        Map<String, String> params = new HashMap<>();
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** A connection to this database as the server's administrative role (superuser), for tamper tests. */
    public Connection adminConnection() throws SQLException {
        Properties props = new Properties();
        if (adminUser != null) {
            props.setProperty("user", adminUser);
        }
        if (adminPassword != null) {
            props.setProperty("password", adminPassword);
        }
        return DriverManager.getConnection(adminUrl(), props);
    }

    /** Which kind of server: external, testcontainers or embedded. */
    public String kind() {
        return kind;
    }

    /** JDBC URL of the test database. */
    public String url() {
        return url;
    }

    /** The application role (data rights only). */
    public String appUser() {
        return roles.app();
    }

    public String appPassword() {
        return roles.appPassword();
    }

    /** The schema-owner role migrations run as. */
    public String ownerUser() {
        return roles.owner();
    }

    public String ownerPassword() {
        return roles.ownerPassword();
    }

    /** JDBC URL of the server's administrative database, for tests that must act as a superuser. */
    public String adminUrl() {
        return DatabaseRoles.withDatabase(adminUrl, roles.database());
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }
}
