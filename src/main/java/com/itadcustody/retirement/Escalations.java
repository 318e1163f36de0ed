package com.itadcustody.retirement;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.retirement.internal.LotStore;
import com.itadcustody.retirement.internal.RetirementRequests;
import com.itadcustody.retirement.process.LotProcess;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retirement module's API for SLA breaches: the models' boundary timers record a breach here (a
 * {@code RETIREMENT_ESCALATED} custody event per asset and a {@link SlaBreached} notification event) without
 * cancelling the overdue step, and an asset manager acknowledges the follow-up task.
 */
@Service
public class Escalations {

    private final RetirementRequests requests;
    private final LotStore lots;
    private final RetirementProcess retirementProcess;
    private final LotProcess lotProcess;
    private final AssetCatalog assets;
    private final CustodyLog custody;
    private final ApplicationEventPublisher events;

    Escalations(RetirementRequests requests, LotStore lots, RetirementProcess retirementProcess,
            LotProcess lotProcess, AssetCatalog assets, CustodyLog custody, ApplicationEventPublisher events) {
        this.requests = requests;
        this.lots = lots;
        this.retirementProcess = retirementProcess;
        this.lotProcess = lotProcess;
        this.assets = assets;
        this.custody = custody;
        this.events = events;
    }

    /** Records that a step of a retirement missed its SLA (asked by the process; the step stays open). */
    @Transactional
    public void escalateRetirement(UUID retirementId, String step, String sla) {
        RetirementView request = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        Instant at = Instant.now();
        custody.append(WorkflowEvents.of(assets.describe(request.assetId()), "RETIREMENT_ESCALATED", Actor.system(),
                Map.of("retirementId", retirementId.toString(), "step", step, "sla", sla)));
        events.publishEvent(new SlaBreached(retirementId, null, List.of(request.assetId()), step, sla, at));
    }

    /** Records that a vendor step of a lot missed its SLA, on every asset of the lot (the step stays open). */
    @Transactional
    public void escalateLot(UUID lotId, String step, String sla) {
        LotView lot = lots.find(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        Instant at = Instant.now();
        for (LotView.Item item : lot.items()) {
            custody.append(WorkflowEvents.of(assets.describe(item.assetId()), "RETIREMENT_ESCALATED", Actor.system(),
                    Map.of("retirementId", item.retirementId().toString(), "lotId", lotId.toString(), "step", step,
                            "sla", sla)));
        }
        events.publishEvent(new SlaBreached(null, lotId, lot.items().stream().map(LotView.Item::assetId).toList(),
                step, sla, at));
    }

    /**
     * An asset manager acknowledges a retirement's open escalation (overdue approval or vendor processing); the
     * overdue step stays open. 409 {@code step-not-open} when nothing is escalated.
     */
    @Transactional
    public void acknowledgeRetirement(UUID retirementId, String comment, Actor actor) {
        requireManager(actor);
        RetirementView request = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        String task = firstOpen(retirementProcess.waitingTask(retirementId, RetirementProcess.FOLLOW_UP_OVERDUE_APPROVAL),
                retirementProcess.waitingTask(retirementId, RetirementProcess.FOLLOW_UP_OVERDUE_VENDOR_PROCESSING))
                .orElseThrow(() -> DomainRuleViolated.conflict("step-not-open", null,
                        "retirement " + retirementId + " has no open escalation"));
        custody.append(WorkflowEvents.of(assets.describe(request.assetId()), "ESCALATION_ACKNOWLEDGED", actor,
                acknowledgement("retirementId", retirementId, comment)));
        retirementProcess.complete(task, actor.userId());
    }

    /**
     * An asset manager acknowledges a lot's open escalation (overdue pickup or receipt), recorded on every asset of
     * the lot; the vendor's step stays open. 409 {@code step-not-open} when nothing is escalated.
     */
    @Transactional
    public void acknowledgeLot(UUID lotId, String comment, Actor actor) {
        requireManager(actor);
        LotView lot = lots.lock(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        String task = firstOpen(lotProcess.waitingTask(lotId, LotProcess.FOLLOW_UP_OVERDUE_PICKUP),
                lotProcess.waitingTask(lotId, LotProcess.FOLLOW_UP_OVERDUE_RECEIPT))
                .orElseThrow(() -> DomainRuleViolated.conflict("step-not-open", null,
                        "lot " + lotId + " has no open escalation"));
        for (LotView.Item item : lot.items()) {
            custody.append(WorkflowEvents.of(assets.describe(item.assetId()), "ESCALATION_ACKNOWLEDGED", actor,
                    acknowledgement("lotId", lotId, comment)));
        }
        lotProcess.complete(task, actor.userId());
    }

    @SafeVarargs
    private static Optional<String> firstOpen(Optional<String>... tasks) {
        for (Optional<String> task : tasks) {
            if (task.isPresent()) {
                return task;
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> acknowledgement(String key, UUID id, String comment) {
        Map<String, Object> data = new HashMap<>();
        data.put(key, id.toString());
        if (comment != null && !comment.isBlank()) {
            data.put("comment", comment.strip());
        }
        return data;
    }

    private static void requireManager(Actor actor) {
        if (!actor.has(Role.ASSET_MANAGER)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null,
                    "only asset managers acknowledge escalations");
        }
    }

}
