package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.SettingChange;
import com.itadcustody.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settings administrators change at runtime ({@code retirement_connector_setting},
 * {@code retirement_sla_setting}) and the history of every change ({@code retirement_setting_change}).
 */
@Repository
public class RuntimeSettingsStore {

    private final JdbcClient jdbc;

    RuntimeSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A connector row as stored.
     *
     * @param system the system's name
     * @param mode {@code CONNECTOR} or {@code MANUAL}
     * @param url the endpoint, null when MANUAL
     * @param timeout one call's timeout
     * @param maxAttempts calls in all
     * @param backoff the wait before the second call
     * @param changedAt when it was set
     * @param changedBy who set it
     */
    public record ConnectorRow(String system, String mode, String url, Duration timeout, int maxAttempts,
            Duration backoff, Instant changedAt, UUID changedBy) {
    }

    /**
     * An SLA row as stored.
     *
     * @param name the SLA's name
     * @param duration its ISO-8601 duration
     * @param changedAt when it was set
     * @param changedBy who set it
     */
    public record SlaRow(String name, String duration, Instant changedAt, UUID changedBy) {
    }

    /** The connector rows by system name. */
    public Map<String, ConnectorRow> connectors() {
        return jdbc.sql("""
                select system, mode, url, timeout_ms, max_attempts, backoff_ms, changed_at, changed_by
                  from retirement_connector_setting""")
                .query(RuntimeSettingsStore::connector).list().stream()
                .collect(Collectors.toMap(ConnectorRow::system, r -> r));
    }

    /** The connector row of one system, if an administrator set one. */
    public Optional<ConnectorRow> connector(String system) {
        return jdbc.sql("""
                select system, mode, url, timeout_ms, max_attempts, backoff_ms, changed_at, changed_by
                  from retirement_connector_setting where system = ?""")
                .param(system).query(RuntimeSettingsStore::connector).optional();
    }

    /** Sets (inserts or replaces) a system's connector row. */
    public void saveConnector(ConnectorRow row) {
        jdbc.sql("""
                insert into retirement_connector_setting (system, mode, url, timeout_ms, max_attempts, backoff_ms,
                    changed_at, changed_by)
                values (:system, :mode, :url, :timeout, :attempts, :backoff, :at, :by)
                on conflict (system) do update set mode = excluded.mode, url = excluded.url,
                    timeout_ms = excluded.timeout_ms, max_attempts = excluded.max_attempts,
                    backoff_ms = excluded.backoff_ms, changed_at = excluded.changed_at,
                    changed_by = excluded.changed_by""")
                .param("system", row.system()).param("mode", row.mode()).param("url", row.url())
                .param("timeout", row.timeout().toMillis()).param("attempts", row.maxAttempts())
                .param("backoff", row.backoff().toMillis()).param("at", Timestamp.from(row.changedAt()))
                .param("by", row.changedBy()).update();
    }

    /** Removes a system's connector row (back to configuration); whether there was one. */
    public boolean deleteConnector(String system) {
        return jdbc.sql("delete from retirement_connector_setting where system = ?").param(system).update() > 0;
    }

    /** The SLA rows by name. */
    public Map<String, SlaRow> slas() {
        return jdbc.sql("select name, duration, changed_at, changed_by from retirement_sla_setting")
                .query(RuntimeSettingsStore::sla).list().stream()
                .collect(Collectors.toMap(SlaRow::name, r -> r));
    }

    /** The SLA row of one step, if an administrator set one. */
    public Optional<SlaRow> sla(String name) {
        return jdbc.sql("select name, duration, changed_at, changed_by from retirement_sla_setting where name = ?")
                .param(name).query(RuntimeSettingsStore::sla).optional();
    }

    /** Sets (inserts or replaces) an SLA row. */
    public void saveSla(SlaRow row) {
        jdbc.sql("""
                insert into retirement_sla_setting (name, duration, changed_at, changed_by)
                values (:name, :duration, :at, :by)
                on conflict (name) do update set duration = excluded.duration, changed_at = excluded.changed_at,
                    changed_by = excluded.changed_by""")
                .param("name", row.name()).param("duration", row.duration())
                .param("at", Timestamp.from(row.changedAt())).param("by", row.changedBy()).update();
    }

    /** Removes an SLA row (back to configuration); whether there was one. */
    public boolean deleteSla(String name) {
        return jdbc.sql("delete from retirement_sla_setting where name = ?").param(name).update() > 0;
    }

    /** Serialises changes of one kind of setting, so the history's old values are the ones really replaced. */
    public void lock(String kind) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("retirement-settings:" + kind).query()
                .listOfRows();
    }

    /** Records one change in the history. */
    public void recordChange(String setting, String oldValue, String newValue, Instant at, UUID by) {
        jdbc.sql("""
                insert into retirement_setting_change (id, setting, old_value, new_value, changed_at, changed_by)
                values (:id, :setting, :old, :new, :at, :by)""")
                .param("id", UUID.randomUUID()).param("setting", setting).param("old", oldValue)
                .param("new", newValue).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** One page of the changes of settings whose name starts with {@code prefix}, newest first. */
    public PageResult<SettingChange> history(String prefix, int page, int size) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("select count(*) from retirement_setting_change where setting like :p escape '\\'")
                .param("p", like).query(Long.class).single();
        List<SettingChange> rows = jdbc.sql("""
                select id, setting, old_value, new_value, changed_at, changed_by from retirement_setting_change
                 where setting like :p escape '\\' order by changed_at desc, id limit :size offset :offset""")
                .param("p", like).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new SettingChange(rs.getObject("id", UUID.class), rs.getString("setting"),
                        rs.getString("old_value"), rs.getString("new_value"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getObject("changed_by", UUID.class)))
                .list();
        return PageResult.of(rows, page, size, total);
    }

    private static ConnectorRow connector(ResultSet rs, int n) throws SQLException {
        return new ConnectorRow(rs.getString("system"), rs.getString("mode"), rs.getString("url"),
                Duration.ofMillis(rs.getLong("timeout_ms")), rs.getInt("max_attempts"),
                Duration.ofMillis(rs.getLong("backoff_ms")), rs.getTimestamp("changed_at").toInstant(),
                rs.getObject("changed_by", UUID.class));
    }

    private static SlaRow sla(ResultSet rs, int n) throws SQLException {
        return new SlaRow(rs.getString("name"), rs.getString("duration"), rs.getTimestamp("changed_at").toInstant(),
                rs.getObject("changed_by", UUID.class));
    }
}
