package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.shared.Actor;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class CustodyLogImmutabilityTests extends IntegrationTest {

    @Autowired
    CustodyLog custody;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogStore log;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void atLeastOneEntry() {
        CustodyEvent event = CustodyEvent.now(UUID.randomUUID(), null, "IMMUTABLE", Actor.system(), Map.of());
        tx.executeWithoutResult(status -> custody.append(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sequencer.drainNow();
            return log.entryOfEvent(event.eventId()).isPresent();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update custody_entry set envelope = 'x'::bytea where seq = 0",
        "delete from custody_entry where seq = 0",
        "truncate custody_entry",
        "update custody_tree_node set hash = hash where level = 0 and idx = 0",
        "delete from custody_tree_node",
        "truncate custody_tree_node",
        "delete from custody_checkpoint",
        "truncate custody_checkpoint",
        "delete from custody_log_key"})
    void theApplicationRoleCannotRewriteTheLog(String sql) throws SQLException {
        TestDatabase db = TestDatabase.get();
        try (Connection app = DriverManager.getConnection(db.url(), db.appUser(), db.appPassword());
                Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update custody_entry set envelope = 'x'::bytea where seq = 0",
        "delete from custody_entry where seq = 0",
        "truncate custody_entry cascade",
        "delete from custody_tree_node where level = 0 and idx = 0",
        "truncate custody_checkpoint cascade"})
    void eventheSchemaOwnerIsStoppedByTheTriggers(String sql) throws SQLException {
        TestDatabase db = TestDatabase.get();
        try (Connection owner = DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword());
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getMessage()).contains("append-only"));
        }
        assertThat(log.entry(0)).isPresent();
    }
}
