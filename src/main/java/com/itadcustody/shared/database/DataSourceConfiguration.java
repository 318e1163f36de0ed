package com.itadcustody.shared.database;

import com.itadcustody.shared.DataSettings;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two data sources on one database: the application's pool logs in as the data-only role, Liquibase as the
 * schema owner. Without {@code itad.db.url} both point at the embedded PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DatabaseSettings settings, DataSettings data) {
        return settings.external()
                ? new EmbeddedDatabaseHolder(null)
                : new EmbeddedDatabaseHolder(EmbeddedDatabase.start(data.dataDir().toAbsolutePath().normalize()));
    }

    @Bean
    ResolvedDatabase resolvedDatabase(DatabaseSettings settings, EmbeddedDatabaseHolder embedded) {
        if (embedded.database() != null) {
            return embedded.database().resolved();
        }
        if (settings.url().matches("(?i).*[?&](user|password)=.*")) {
            // the driver lets user= in the URL win over the roles given, which would silently merge the two roles
            throw new IllegalStateException("ITAD_DB_URL must not contain user= or password=; give the roles in "
                    + "ITAD_DB_USER / ITAD_DB_PASSWORD and ITAD_DB_MIGRATION_USER / ITAD_DB_MIGRATION_PASSWORD");
        }
        boolean separateOwner = settings.migrationUser() != null && !settings.migrationUser().isBlank();
        if (!separateOwner) {
            log.warn("ITAD_DB_MIGRATION_USER is not set: migrations run as the application role {}. "
                    + "Use a separate schema-owner role in production (see README).", settings.user());
        }
        return new ResolvedDatabase(settings.url(), settings.user(), settings.password(),
                separateOwner ? settings.migrationUser() : settings.user(),
                separateOwner ? settings.migrationPassword() : settings.password());
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(ResolvedDatabase db, DatabaseSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("itad");
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.appUser());
        pool.setPassword(db.appPassword());
        pool.setMaximumPoolSize(settings.maxPoolSize());
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // lets the driver send a JDBC batch of inserts as multi-row inserts (imports)
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        return pool;
    }

    @Bean
    @LiquibaseDataSource
    DataSource liquibaseDataSource(ResolvedDatabase db) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(), db.migrationUser(),
                db.migrationPassword());
    }

    /** Holds the embedded server, if any, so that it is stopped after the pools that use it. */
    record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (database != null) {
                database.close();
            }
        }
    }
}
