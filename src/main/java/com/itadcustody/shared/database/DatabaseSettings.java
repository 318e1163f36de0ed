package com.itadcustody.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach PostgreSQL. With no {@code url} the service starts an embedded PostgreSQL in the data directory.
 *
 * @param url JDBC URL of an external PostgreSQL 14+ ({@code ITAD_DB_URL}); blank means embedded
 * @param user the application role ({@code ITAD_DB_USER}): data rights only
 * @param password the application role's password ({@code ITAD_DB_PASSWORD})
 * @param migrationUser the schema-owner role Liquibase runs as ({@code ITAD_DB_MIGRATION_USER}); blank means
 *     {@code user}, which is only acceptable for a throw-away database
 * @param migrationPassword the schema owner's password ({@code ITAD_DB_MIGRATION_PASSWORD})
 * @param maxPoolSize connections the application keeps open
 */
@ConfigurationProperties("itad.db")
public record DatabaseSettings(
        String url,
        String user,
        String password,
        String migrationUser,
        String migrationPassword,
        @DefaultValue("20") int maxPoolSize) {

    /** Whether an external database was configured. */
    public boolean external() {
        return url != null && !url.isBlank();
    }
}
