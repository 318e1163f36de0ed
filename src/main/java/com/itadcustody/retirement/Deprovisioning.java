package com.itadcustody.retirement;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.retirement.internal.DeprovisioningConnectors;
import com.itadcustody.retirement.internal.DeprovisioningStore;
import com.itadcustody.retirement.internal.RetirementRequests;
import com.itadcustody.retirement.process.ProcessIncidents;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * De-provisioning by connector (ADR 10): the workflow's connectors step, where each system stands, and the retry of
 * a failed step by IT staff. IT staff's attestation of the systems without a connector is
 * {@link Retirements#attestDeprovisioning}.
 */
@Service
public class Deprovisioning {

    /** Longest error text kept in a custody event. */
    static final int MAX_ERROR_IN_EVENT = 1000;

    private final RetirementRequests requests;
    private final DeprovisioningStore store;
    private final DeprovisioningConnectors connectors;
    private final AssetCatalog assets;
    private final CustodyLog custody;
    private final ProcessIncidents incidents;
    private final TransactionTemplate ownTransaction;

    Deprovisioning(RetirementRequests requests, DeprovisioningStore store, DeprovisioningConnectors connectors,
            AssetCatalog assets, CustodyLog custody, ProcessIncidents incidents, PlatformTransactionManager tx) {
        this.requests = requests;
        this.store = store;
        this.connectors = connectors;
        this.assets = assets;
        this.custody = custody;
        this.incidents = incidents;
        this.ownTransaction = new TransactionTemplate(tx);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The workflow's connectors step: calls the connector of every system that has one and is not recorded yet, and
     * records each answer with its {@code DEPROVISIONED} custody event in a transaction of its own (so a retried step
     * does not call a system again that already answered). Each failure is recorded too, with a
     * {@code DEPROVISIONING_FAILED} event; if any system failed, this throws {@link DeprovisioningFailed} after
     * trying the others, so the engine retries the step and finally opens an incident.
     *
     * @return whether systems without a connector remain for IT staff to attest
     */
    public boolean runConnectors(UUID retirementId) {
        RetirementView request = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        AssetSummary asset = assets.describe(request.assetId());
        List<DeprovisioningFailed> failures = new ArrayList<>();
        for (DeprovisioningAttestation.System system : store.pending(retirementId)) {
            Optional<DeprovisioningConnector> connector = connectors.of(system);
            if (connector.isEmpty()) {
                continue;
            }
            DeprovisioningRequest call = new DeprovisioningRequest(
                    DeprovisioningRequest.requestIdOf(retirementId, system), retirementId, system, asset.id(),
                    asset.tag(), asset.serialNumber(), asset.type() == null ? null : asset.type().name(), asset.make(),
                    asset.model());
            DeprovisioningResult result;
            try {
                result = connector.get().deprovision(call);
            } catch (DeprovisioningFailed e) {
                failures.add(failed(retirementId, asset, connector.get(), e));
                continue;
            } catch (RuntimeException e) {
                failures.add(failed(retirementId, asset, connector.get(), new DeprovisioningFailed(system,
                        system + " connector failed: " + e, null, 1, e)));
                continue;
            }
            ownTransaction.executeWithoutResult(status -> recorded(retirementId, asset, system, result));
        }
        if (!failures.isEmpty()) {
            String message = failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
            DeprovisioningFailed first = failures.get(0);
            throw new DeprovisioningFailed(first.system(), message, first.httpStatus(), first.attempts(), first);
        }
        return !store.pending(retirementId).isEmpty();
    }

    private void recorded(UUID retirementId, AssetSummary asset, DeprovisioningAttestation.System system,
            DeprovisioningResult result) {
        requests.lock(retirementId).orElseThrow(() -> new NotFound("retirement", retirementId));
        if (!store.recordConnector(retirementId, system, result, now())) {
            return;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("retirementId", retirementId.toString());
        data.put("system", system.name());
        data.put("outcome", result.outcome().name());
        data.put("evidence", result.summary());
        data.put("method", "CONNECTOR");
        data.put("endpoint", result.endpoint());
        data.put("requestId", result.requestId());
        data.put("attempts", result.attempts());
        if (result.httpStatus() != null) {
            data.put("httpStatus", result.httpStatus());
        }
        String media = result.responseMediaType() == null ? "application/octet-stream" : result.responseMediaType();
        custody.append(new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(), null, "DEPROVISIONED",
                Instant.now(), Actor.system(), null, List.of(new CustodyEvent.Evidence(result.responseSha256(), media,
                        system.name().toLowerCase() + "-connector-response")), data));
    }

    private DeprovisioningFailed failed(UUID retirementId, AssetSummary asset, DeprovisioningConnector connector,
            DeprovisioningFailed failure) {
        String error = failure.getMessage();
        ownTransaction.executeWithoutResult(status -> {
            store.recordFailure(retirementId, failure.system(), connector.endpoint(), error, failure.httpStatus(),
                    failure.attempts(), now());
            Map<String, Object> data = new HashMap<>();
            data.put("retirementId", retirementId.toString());
            data.put("system", failure.system().name());
            data.put("endpoint", connector.endpoint());
            data.put("error", error.length() > MAX_ERROR_IN_EVENT ? error.substring(0, MAX_ERROR_IN_EVENT) : error);
            data.put("attempts", failure.attempts());
            if (failure.httpStatus() != null) {
                data.put("httpStatus", failure.httpStatus());
            }
            custody.append(WorkflowEvents.of(asset, "DEPROVISIONING_FAILED", Actor.system(), data));
        });
        return failure;
    }

    /** Where each system of a retirement stands, and its process's open incident; 404 if there is no such request. */
    @Transactional(readOnly = true)
    public DeprovisioningStatus status(UUID retirementId) {
        requests.find(retirementId).orElseThrow(() -> new NotFound("retirement", retirementId));
        Map<DeprovisioningAttestation.System, DeprovisioningStore.Row> rows = store.rows(retirementId).stream()
                .collect(Collectors.toMap(DeprovisioningStore.Row::system, r -> r));
        Map<DeprovisioningAttestation.System, DeprovisioningStore.Failures> failures = store.failures(retirementId)
                .stream().collect(Collectors.toMap(DeprovisioningStore.Failures::system, f -> f));
        List<DeprovisioningStatus.SystemStatus> systems = new ArrayList<>();
        for (DeprovisioningAttestation.System system : DeprovisioningAttestation.System.values()) {
            DeprovisioningStore.Row row = rows.get(system);
            DeprovisioningStore.Failures failed = failures.get(system);
            int count = failed == null ? 0 : failed.count();
            String lastError = failed == null ? null : failed.lastError();
            Instant lastFailedAt = failed == null ? null : failed.lastFailedAt();
            if (row != null) {
                systems.add(new DeprovisioningStatus.SystemStatus(system,
                        DeprovisioningStatus.Method.valueOf(row.method()), DeprovisioningStatus.State.DONE,
                        row.outcome(), row.endpoint(), row.evidence(), row.httpStatus(), row.responseSha256(),
                        row.recordedAt(), row.recordedBy(), count, lastError, lastFailedAt));
            } else {
                Optional<DeprovisioningConnector> connector = connectors.of(system);
                systems.add(new DeprovisioningStatus.SystemStatus(system,
                        connector.isPresent() ? DeprovisioningStatus.Method.CONNECTOR
                                : DeprovisioningStatus.Method.MANUAL,
                        count > 0 ? DeprovisioningStatus.State.FAILED : DeprovisioningStatus.State.PENDING, null,
                        connector.map(DeprovisioningConnector::endpoint).orElse(null), null, null, null, null, null,
                        count, lastError, lastFailedAt));
            }
        }
        return new DeprovisioningStatus(retirementId, systems, incidents.ofRetirement(retirementId).orElse(null));
    }

    /**
     * IT staff run the failed connectors step again (after fixing the endpoint or the outside system): the step gets
     * one more run at once and its incident is resolved; a {@code DEPROVISIONING_RETRIED} custody event records who.
     * 409 {@code nothing-to-retry} when the step has not failed.
     */
    @Transactional
    public DeprovisioningStatus retry(UUID retirementId, Actor actor) {
        if (!actor.has(Role.IT_STAFF)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your roles may not retry de-provisioning");
        }
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (request.status() != RetirementStatus.APPROVED) {
            throw DomainRuleViolated.conflict("not-in-progress", null,
                    "retirement " + retirementId + " is " + request.status());
        }
        if (!incidents.retryFailedStep(retirementId, ProcessIncidents.RUN_DEPROVISIONING_CONNECTORS)) {
            throw DomainRuleViolated.conflict("nothing-to-retry", null, "the de-provisioning connectors of retirement "
                    + retirementId + " have not failed");
        }
        custody.append(WorkflowEvents.of(assets.describe(request.assetId()), "DEPROVISIONING_RETRIED", actor,
                Map.of("retirementId", retirementId.toString())));
        return status(retirementId);
    }

    /** Open incidents of retirement and lot processes, newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<RetirementIncident> openIncidents() {
        return incidents.open(500);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
