package com.itadcustody.retirement.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of process messages waiting for their instance to reach its wait state. */
@Repository
public class MessageInbox {

    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    MessageInbox(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** One message as kept in the inbox. */
    public record Message(UUID id, String name, String businessKey, Map<String, String> variables,
            Instant receivedAt, int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt,
            Instant expiredAt) {
    }

    /** Keeps a message for later delivery; false when the same message already waits for this instance. */
    public boolean keep(String name, String businessKey, Map<String, String> variables, Instant at) {
        return jdbc.sql("insert into process_message_inbox (id, message_name, business_key, variables, received_at,"
                + " next_attempt_at) values (:id, :name, :key, cast(:variables as jsonb), :at, :at)"
                + " on conflict (message_name, business_key) where delivered_at is null and expired_at is null"
                + " do nothing")
                .param("id", UUID.randomUUID()).param("name", name).param("key", businessKey)
                .param("variables", json(variables)).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Ids of pending messages due for a delivery attempt, oldest first. */
    public List<UUID> due(Instant now, int max) {
        return jdbc.sql("select id from process_message_inbox where delivered_at is null and expired_at is null"
                + " and next_attempt_at <= :now order by next_attempt_at limit :max")
                .param("now", Timestamp.from(now)).param("max", max).query(UUID.class).list();
    }

    /** Ids of the pending messages for one instance. */
    public List<UUID> pendingFor(String businessKey) {
        return jdbc.sql("select id from process_message_inbox where business_key = :key and delivered_at is null"
                + " and expired_at is null order by received_at").param("key", businessKey).query(UUID.class).list();
    }

    /** The message, locked for this transaction, if still pending and not locked by another node. */
    public Optional<Message> lockPending(UUID id) {
        return jdbc.sql("select * from process_message_inbox where id = :id and delivered_at is null"
                + " and expired_at is null for update skip locked").param("id", id).query(this::row).optional();
    }

    /** Messages that expired undelivered, newest first. */
    public List<Message> expired(int max) {
        return jdbc.sql("select * from process_message_inbox where expired_at is not null order by expired_at desc"
                + " limit :max").param("max", max).query(this::row).list();
    }

    /** Every message of one instance, oldest first (what an operator checks). */
    public List<Message> of(String businessKey) {
        return jdbc.sql("select * from process_message_inbox where business_key = :key order by received_at")
                .param("key", businessKey).query(this::row).list();
    }

    /** Records a delivery. */
    public void delivered(UUID id, Instant at) {
        jdbc.sql("update process_message_inbox set delivered_at = :at, attempts = attempts + 1 where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Records an attempt that found no wait state, and when to try again. */
    public void retryLater(UUID id, String reason, Instant next) {
        jdbc.sql("update process_message_inbox set attempts = attempts + 1, last_error = :reason,"
                + " next_attempt_at = :next where id = :id")
                .param("id", id).param("reason", reason).param("next", Timestamp.from(next)).update();
    }

    /** Gives up on a message that can no longer be delivered, with the reason. */
    public void expire(UUID id, String reason, Instant at) {
        jdbc.sql("update process_message_inbox set expired_at = :at, last_error = :reason where id = :id")
                .param("id", id).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    private Message row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        try {
            return new Message(rs.getObject("id", UUID.class), rs.getString("message_name"),
                    rs.getString("business_key"), mapper.readValue(rs.getString("variables"), VARIABLES),
                    instant(rs, "received_at"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                    rs.getString("last_error"), instant(rs, "delivered_at"), instant(rs, "expired_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox message " + rs.getString("id") + " has unreadable variables", e);
        }
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String json(Map<String, String> variables) {
        try {
            return mapper.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
