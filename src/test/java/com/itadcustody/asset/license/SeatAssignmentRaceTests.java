package com.itadcustody.asset.license;

import static com.itadcustody.asset.license.LicenseFixtures.actor;
import static com.itadcustody.asset.license.LicenseFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SeatAssignmentRaceTests extends IntegrationTest {

    static final int RACERS = 16;
    static final int SEATS = 5;

    @Autowired
    LicensePoolService pools;

    @Autowired
    SeatService seats;

    @Autowired
    JdbcTemplate jdbc;

    final Actor staff = actor(Role.IT_STAFF);

    @Test
    void assignsExactlyTheOwnedSeatsWhenManyRequestsRaceForThem() throws Exception {
        LicenseFixtures fixtures = new LicenseFixtures(jdbc);
        UUID pool = pools.create(terms(LicenseMetric.PER_DEVICE, SEATS), actor(Role.ASSET_MANAGER)).pool().id();
        List<UUID> assets = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            assets.add(fixtures.assetInService());
        }

        List<String> outcomes = race(assets.stream().<Callable<String>>map(asset -> () -> {
            try {
                seats.assign(pool, SeatTarget.device(asset), staff);
                return "assigned";
            } catch (DomainRuleViolated e) {
                return e.status().value() + " " + e.rule();
            }
        }).toList());

        assertThat(outcomes).filteredOn("assigned"::equals).hasSize(SEATS);
        assertThat(outcomes).filteredOn("409 no-free-seats"::equals).hasSize(RACERS - SEATS);
        assertThat(pools.get(pool).seatsAssigned()).isEqualTo(SEATS);
        assertThat(pools.get(pool).seatsFree()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from seat_assignment where pool_id = ?", Integer.class, pool))
                .isEqualTo(SEATS);
    }

    @Test
    void assignsOneSeatWhenManyRequestsRaceForTheSamePerson() throws Exception {
        UUID pool = pools.create(terms(LicenseMetric.PER_USER, SEATS), actor(Role.ASSET_MANAGER)).pool().id();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            tasks.add(() -> {
                try {
                    seats.assign(pool, SeatTarget.person("racer@example.com"), staff);
                    return "assigned";
                } catch (DomainRuleViolated e) {
                    return e.status().value() + " " + e.rule();
                }
            });
        }

        List<String> outcomes = race(tasks);

        assertThat(outcomes).filteredOn("assigned"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("409 already-assigned"::equals).hasSize(RACERS - 1);
        assertThat(pools.get(pool).seatsAssigned()).isEqualTo(1);
    }

    /** Starts all tasks at once on their own threads and returns their results in order. */
    static List<String> race(List<Callable<String>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> task : tasks) {
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
