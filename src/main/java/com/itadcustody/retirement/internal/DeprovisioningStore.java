package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** De-provisioning records (manual and by connector) and connector failures of retirements. */
@Repository
public class DeprovisioningStore {

    private final JdbcClient jdbc;

    DeprovisioningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The systems recorded (done or not applicable) for this retirement. */
    public Set<DeprovisioningAttestation.System> recorded(UUID retirementId) {
        Set<DeprovisioningAttestation.System> systems = EnumSet.noneOf(DeprovisioningAttestation.System.class);
        jdbc.sql("select system from retirement_deprovisioning where retirement_id = :id").param("id", retirementId)
                .query(String.class).list().forEach(s -> systems.add(DeprovisioningAttestation.System.valueOf(s)));
        return systems;
    }

    /** The systems not recorded yet. */
    public Set<DeprovisioningAttestation.System> pending(UUID retirementId) {
        Set<DeprovisioningAttestation.System> pending = EnumSet.allOf(DeprovisioningAttestation.System.class);
        pending.removeAll(recorded(retirementId));
        return pending;
    }

    /** Records a connector's result; false if the system was recorded already. */
    public boolean recordConnector(UUID retirementId, DeprovisioningAttestation.System system,
            DeprovisioningResult result, Instant at) {
        return jdbc.sql("""
                insert into retirement_deprovisioning (retirement_id, system, outcome, evidence, recorded_by,
                    recorded_at, method, endpoint, http_status, response_body, response_sha256, response_media_type,
                    request_id, attempts, duration_ms)
                values (:id, :system, :outcome, :evidence, null, :at, 'CONNECTOR', :endpoint, :status, :body, :sha,
                    :mediaType, :requestId, :attempts, :duration)
                on conflict do nothing""")
                .param("id", retirementId).param("system", system.name()).param("outcome", result.outcome().name())
                .param("evidence", result.summary()).param("at", Timestamp.from(at))
                .param("endpoint", result.endpoint()).param("status", result.httpStatus())
                .param("body", result.responseBody()).param("sha", result.responseSha256())
                .param("mediaType", result.responseMediaType()).param("requestId", result.requestId())
                .param("attempts", result.attempts()).param("duration", result.durationMillis()).update() == 1;
    }

    /** Records a connector's failure. */
    public void recordFailure(UUID retirementId, DeprovisioningAttestation.System system, String endpoint,
            String error, Integer httpStatus, int attempts, Instant at) {
        jdbc.sql("""
                insert into retirement_deprovisioning_failure (id, retirement_id, system, endpoint, error,
                    http_status, attempts, failed_at)
                values (:id, :retirement, :system, :endpoint, :error, :status, :attempts, :at)""")
                .param("id", UUID.randomUUID()).param("retirement", retirementId).param("system", system.name())
                .param("endpoint", endpoint).param("error", error).param("status", httpStatus)
                .param("attempts", attempts).param("at", Timestamp.from(at)).update();
    }

    /** One recorded system. */
    public record Row(DeprovisioningAttestation.System system, String method,
            DeprovisioningAttestation.Outcome outcome, String evidence, UUID recordedBy, Instant recordedAt,
            String endpoint, Integer httpStatus, String responseSha256) {
    }

    /** The recorded systems of a retirement. */
    public List<Row> rows(UUID retirementId) {
        return jdbc.sql("""
                select system, method, outcome, evidence, recorded_by, recorded_at, endpoint, http_status,
                       response_sha256
                from retirement_deprovisioning where retirement_id = :id""").param("id", retirementId)
                .query((rs, n) -> new Row(DeprovisioningAttestation.System.valueOf(rs.getString(1)), rs.getString(2),
                        DeprovisioningAttestation.Outcome.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        (Integer) rs.getObject(8), rs.getString(9))).list();
    }

    /** A system's connector failures: how many, and the latest. */
    public record Failures(DeprovisioningAttestation.System system, int count, String lastError,
            Instant lastFailedAt) {
    }

    /** The connector failures of a retirement, per system. */
    public List<Failures> failures(UUID retirementId) {
        return jdbc.sql("""
                select system, count(*) over (partition by system), error, failed_at
                from retirement_deprovisioning_failure where retirement_id = :id
                order by system, failed_at desc""").param("id", retirementId)
                .query((rs, n) -> new Failures(DeprovisioningAttestation.System.valueOf(rs.getString(1)),
                        rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list().stream()
                .collect(java.util.stream.Collectors.toMap(Failures::system, f -> f, (first, later) -> first,
                        java.util.LinkedHashMap::new)).values().stream().toList();
    }
}
