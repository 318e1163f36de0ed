package com.itadcustody.retirement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verification sample's counts on shards: transactions drawing side by side each hold their own shard (none
 * waits for another), each keeps to one shard for all its draws, and the sums still sample at least
 * {@code ceil(rate * n)} of n logically sanitized media.
 */
class VerificationSampleShardTests extends IntegrationTest {

    static final double RATE = 0.05;

    @Autowired
    RetirementRequests requests;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentTransactionsDrawOnTheirOwnShardsAndTheSumsKeepTheRate() throws Exception {
        int threads = 4;
        int draws = 30;
        Map<Long, long[]> before = shards();
        CyclicBarrier allHoldAShard = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    requests.drawSample(RATE, 0.99);
                    try {
                        // every transaction holds a shard at the same time: on a single row, all but one would
                        // wait for its lock here and the barrier would time out
                        allHoldAShard.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 1; i < draws; i++) {
                        requests.drawSample(RATE, 0.99);
                    }
                })));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, long[]> after = shards();
        long drawn = 0;
        List<Long> used = new ArrayList<>();
        for (var shard : after.entrySet()) {
            long[] was = before.getOrDefault(shard.getKey(), new long[2]);
            long counted = shard.getValue()[0] - was[0];
            if (counted > 0) {
                used.add(shard.getKey());
                assertThat(counted).as("draws of one transaction on shard %d", shard.getKey()).isEqualTo(draws);
            }
            drawn += counted;
            assertThat(shard.getValue()[1]).as("sampled on shard %d", shard.getKey())
                    .isGreaterThanOrEqualTo((long) Math.ceil(RATE * shard.getValue()[0]));
        }
        assertThat(used).as("shards used").hasSize(threads);
        assertThat(drawn).isEqualTo((long) threads * draws);
        long logical = after.values().stream().mapToLong(c -> c[0]).sum();
        long sampled = after.values().stream().mapToLong(c -> c[1]).sum();
        assertThat(sampled).as("sampled of %d logically sanitized media", logical)
                .isGreaterThanOrEqualTo((long) Math.ceil(RATE * logical));
    }

    @Test
    void oneTransactionCountsAllItsDrawsOnOneShard() {
        Map<Long, long[]> before = shards();

        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 10; i++) {
                requests.drawSample(RATE, 0.99);
            }
        });

        Map<Long, long[]> after = shards();
        assertThat(after.entrySet().stream().filter(e -> e.getValue()[0] != before.get(e.getKey())[0]).count())
                .as("shards one transaction counted on").isEqualTo(1);
    }

    /** Each shard's logical and sampled counts, by id. */
    private Map<Long, long[]> shards() {
        Map<Long, long[]> shards = new HashMap<>();
        jdbc.query("select id, logical, sampled from verification_sample_counter", rs -> {
            shards.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        assertThat(shards).hasSize(8);
        return shards;
    }
}
