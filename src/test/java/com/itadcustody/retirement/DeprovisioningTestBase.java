package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import com.itadcustody.support.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs the whole service against the {@link StubSystems} with the job executor off: the tests move the engine job
 * by job ({@code executeJob}), so nothing runs behind their back and nothing waits on a clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DeprovisioningTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final StubSystems STUB = StubSystems.SHARED;

    /**
     * A database of the context's own (no other context's job executor takes its jobs, and its custody sequencer
     * leads there, so {@code drainNow} sequences everything), no job executor, quick connectors (half-second
     * timeout, 10 ms backoff, three attempts).
     */
    static void common(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("itad.deprovisioning.retry-cycle", () -> "R2/PT5M");
    }

    static void connector(DynamicPropertyRegistry registry, String system, String path) {
        String prefix = "itad.deprovisioning.connectors." + system + ".";
        registry.add(prefix + "url", () -> STUB.url(path));
        registry.add(prefix + "timeout", () -> "500ms");
        registry.add(prefix + "max-attempts", () -> "3");
        registry.add(prefix + "backoff", () -> "10ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Retirements retirements;

    @Autowired
    AssetRegistry assets;

    @Autowired
    TestUsers users;

    @Autowired
    LogStore log;

    @Autowired
    CustodySequencer sequencer;

    ApiClient staff;
    Actor manager;

    ApiClient as(Role role) {
        return ApiClient.withToken(port, users.tokenForNewUser(role));
    }

    @BeforeEach
    void freshStubAndUsers() {
        STUB.reset();
        // users of this context's own database (TestUsers' shared users live in the shared test database)
        staff = ApiClient.withToken(port, users.tokenForNewUser(Role.IT_STAFF));
        manager = new Actor(UUID.randomUUID(), "manager", Set.of(Role.ASSET_MANAGER), null);
    }

    @AfterEach
    void releaseHangingRequests() {
        STUB.reset();
    }

    /** A laptop's retirement, approved, with the preparation's jobs (license reclaim, connectors) not run yet. */
    UUID approvedRetirement(Asset laptop) {
        UUID id = retirements.request(laptop.id(), "Connector test", DataConfidentiality.LOW,
                AssetDestination.INTERNAL_REUSE, new Actor(UUID.randomUUID(), "staff", Set.of(Role.IT_STAFF), null))
                .id();
        assertThat(runJobs(id)).isEmpty();
        retirements.decide(id, true, null, manager);
        return id;
    }

    Asset laptop() {
        return assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
    }

    String instance(UUID retirementId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(retirementId.toString()).singleResult().getId();
    }

    /**
     * Executes the instance's due jobs until none is left; a failing job (due again only after the retry cycle's
     * interval) stops being due. Returns the failures' messages.
     */
    List<String> runJobs(UUID retirementId) {
        String instance = instance(retirementId);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance).executable()
                    .list();
            if (due.isEmpty()) {
                return failures;
            }
            for (Job job : due) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        throw new AssertionError("jobs of " + retirementId + " keep coming");
    }

    /** The connectors step's job, if it is there. */
    Job connectorsJob(UUID retirementId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance(retirementId))
                .activityId("Task_RunDeprovisioningConnectors").singleResult();
    }

    List<String> visited(UUID retirementId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance(retirementId))
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    /** The open user tasks of the retirement. */
    List<String> waitingAt(UUID retirementId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(retirementId.toString()).list()
                .stream().map(t -> t.getTaskDefinitionKey()).toList();
    }

    /** The custody log's events of an asset, as JSON envelopes. */
    List<JsonNode> events(Asset asset) {
        sequencer.drainNow();
        return log.entriesOfAsset(asset.id()).stream().map(LogEntry::envelope).map(bytes -> {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    List<JsonNode> events(Asset asset, String type) {
        return events(asset).stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    JsonNode system(JsonNode status, String system) {
        for (JsonNode s : status.get("systems")) {
            if (s.get("system").asText().equals(system)) {
                return s;
            }
        }
        throw new AssertionError("no " + system + " in " + status);
    }
}
