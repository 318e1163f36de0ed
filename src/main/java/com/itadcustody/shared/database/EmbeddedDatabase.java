package com.itadcustody.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky, binaries shipped in a jar) whose data lives in {@code <data dir>/postgres} and
 * survives restarts. On first start it creates the database, a schema-owner role and an application role with
 * generated passwords kept in {@code <data dir>/database.properties}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "itad";
    static final String OWNER = "itad_owner";
    static final String APP = "itad_app";

    private final EmbeddedPostgres postgres;
    private final ResolvedDatabase resolved;

    private EmbeddedDatabase(EmbeddedPostgres postgres, ResolvedDatabase resolved) {
        this.postgres = postgres;
        this.resolved = resolved;
    }

    /** Starts (and on first use initialises) the embedded server under {@code dataDir}. */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Path pgData = dataDir.resolve("postgres");
            Files.createDirectories(pgData);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // stopped by the application context after the engine and pools, not by a JVM hook before them
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-binaries").toFile())
                    .setServerConfig("max_connections", "200")
                    // the server's own log goes to a file, not into the application's log
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .start();
            Properties secrets = loadOrCreateSecrets(dataDir.resolve("database.properties"));
            DatabaseRoles roles = new DatabaseRoles(DATABASE, OWNER, secrets.getProperty(OWNER), APP,
                    secrets.getProperty(APP));
            String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            roles.provision(adminUrl, "postgres", null);
            String url = DatabaseRoles.withDatabase(adminUrl, DATABASE);
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(), pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres, new ResolvedDatabase(url, APP, roles.appPassword(), OWNER,
                    roles.ownerPassword()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** The connection details for the application and migration roles. */
    public ResolvedDatabase resolved() {
        return resolved;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static Properties loadOrCreateSecrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        boolean changed = false;
        for (String role : new String[] {OWNER, APP}) {
            if (secrets.getProperty(role) == null) {
                secrets.setProperty(role, randomSecret());
                changed = true;
            }
        }
        if (changed) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                secrets.store(out, "Generated passwords of the embedded database's roles");
            }
        }
        return secrets;
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
