package com.itadcustody.asset.license;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data for license tests: assets written straight to the asset table, actors and pool terms. */
final class LicenseFixtures {

    private final JdbcTemplate jdbc;

    LicenseFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an asset in the given status and returns its id. */
    UUID asset(String status) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into asset (id, tag, type, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
                id, "LIC-" + id, "LAPTOP", status, now, now);
        return id;
    }

    UUID assetInService() {
        return asset("IN_SERVICE");
    }

    static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase() + "-user", Set.of(role), null);
    }

    /** Terms of a pool with a unique product name, so that tests sharing the database do not see each other. */
    static PoolTerms terms(LicenseMetric metric, int seats) {
        return new PoolTerms("Contoso", "Office " + UUID.randomUUID(), metric, seats, LocalDate.of(2027, 1, 31),
                new BigDecimal("1200.00"), "EUR");
    }

    /** Checks that a thrown exception is the named rule violation. */
    static Consumer<Throwable> violation(HttpStatus status, String rule, String field) {
        return thrown -> {
            assertThat(thrown).isInstanceOf(DomainRuleViolated.class);
            DomainRuleViolated e = (DomainRuleViolated) thrown;
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
        };
    }
}
