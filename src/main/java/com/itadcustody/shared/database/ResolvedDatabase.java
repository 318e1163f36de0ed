package com.itadcustody.shared.database;

/**
 * The connection details the service ended up with, embedded or external.
 *
 * @param url JDBC URL of the service's database
 * @param appUser the application role
 * @param appPassword its password
 * @param migrationUser the schema-owner role Liquibase runs as
 * @param migrationPassword its password
 */
public record ResolvedDatabase(
        String url, String appUser, String appPassword, String migrationUser, String migrationPassword) {

    @Override
    public String toString() {
        return "ResolvedDatabase[url=" + url + ", appUser=" + appUser + ", migrationUser=" + migrationUser + "]";
    }
}
