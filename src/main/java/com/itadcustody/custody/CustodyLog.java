package com.itadcustody.custody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody log's module API: other modules append events inside their own transaction, so that a state
 * change and its custody event commit or roll back together.
 */
@Service
public class CustodyLog {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final ObjectMapper json;

    CustodyLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Records the event in the log's inbox within the caller's transaction; idempotent on the event id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(CustodyEvent event) {
        requireCanonicalisable(event);
        jdbc.sql("""
                insert into custody_inbox (event_id, asset_id, asset_serial, medium_serial, type, occurred_at,
                    actor_id, actor_role, actor_org, location, evidence, data)
                select :id, :asset, :assetSerial, :mediumSerial, :type, :occurred, :actor, :role, :org, :location,
                    cast(:evidence as jsonb), cast(:data as jsonb)
                where not exists (select 1 from custody_entry where event_id = :id)
                on conflict (event_id) do nothing""")
                .param("id", event.eventId())
                .param("asset", event.assetId())
                .param("assetSerial", event.assetSerial())
                .param("mediumSerial", event.mediumSerial())
                .param("org", event.actor().vendorId())
                .param("location", event.location())
                .param("evidence", toJson(event.evidence()))
                .param("type", event.type())
                .param("occurred", Timestamp.from(event.occurredAt()))
                .param("actor", event.actor().userId())
                .param("role", roles(event))
                .param("data", toJson(event.data()))
                .update();
        return event.eventId();
    }

    /** Records many events in the caller's transaction with JDBC batches (imports); idempotent per event id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(java.util.List<CustodyEvent> events) {
        events.forEach(CustodyLog::requireCanonicalisable);
        template.batchUpdate("""
                insert into custody_inbox (event_id, asset_id, asset_serial, medium_serial, type, occurred_at,
                    actor_id, actor_role, actor_org, location, evidence, data)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb)
                where not exists (select 1 from custody_entry where event_id = ?)
                on conflict (event_id) do nothing""", events, 1000, (ps, event) -> {
                    ps.setObject(1, event.eventId());
                    ps.setObject(2, event.assetId());
                    ps.setString(3, event.assetSerial());
                    ps.setString(4, event.mediumSerial());
                    ps.setString(5, event.type());
                    ps.setTimestamp(6, Timestamp.from(event.occurredAt()));
                    ps.setObject(7, event.actor().userId());
                    ps.setString(8, roles(event));
                    ps.setObject(9, event.actor().vendorId());
                    ps.setString(10, event.location());
                    ps.setString(11, toJson(event.evidence()));
                    ps.setString(12, toJson(event.data()));
                    ps.setObject(13, event.eventId());
                });
    }

    /** Whether any custody event was ever recorded for the asset (sequenced or still waiting to be). */
    public boolean hasEvents(UUID assetId) {
        return jdbc.sql("""
                select exists (select 1 from custody_inbox where asset_id = :asset)
                    or exists (select 1 from custody_entry where asset_id = :asset)""")
                .param("asset", assetId)
                .query(Boolean.class)
                .single();
    }

    /** How many custody events were recorded for the asset (sequenced or still waiting to be). */
    public long countEvents(UUID assetId) {
        return jdbc.sql("""
                select (select count(*) from custody_inbox where asset_id = :asset)
                     + (select count(*) from custody_entry where asset_id = :asset)""")
                .param("asset", assetId)
                .query(Long.class)
                .single();
    }

    /**
     * Refuses, in the caller's transaction, data the sequencer could not canonicalise later (e.g. an integer
     * beyond ±2^53), so that one bad event can never stall the log.
     */
    private static void requireCanonicalisable(CustodyEvent event) {
        com.itadcustody.custody.internal.tlog.Jcs.canonicalize(event.data());
        com.itadcustody.custody.internal.tlog.Jcs.canonicalize(event.evidence().stream()
                .map(e -> java.util.Map.of("sha256", e.sha256(), "mediaType", e.mediaType(), "name", e.name()))
                .toList());
    }

    private static String roles(CustodyEvent event) {
        return event.actor().roles().stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b)
                .orElse("SYSTEM");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("custody event data is not serialisable", e);
        }
    }
}
