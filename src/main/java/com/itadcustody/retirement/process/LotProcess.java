package com.itadcustody.retirement.process;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The door to the engine for the lot-handoff process (business key = lot id) and for the messages a lot sends to
 * its assets' retirement instances.
 */
@Component
public class LotProcess {

    /** Process key of {@code processes/lot-handoff.bpmn}. */
    public static final String PROCESS_KEY = "lot-handoff";
    /** IT staff sign off the manifest. */
    public static final String SIGN_OFF = "Task_SignOffManifest";
    /** The handoff waits for a valid vendor certification. */
    public static final String BLOCKED = "Task_HandoffBlocked";
    /** The vendor confirms the pickup. */
    public static final String PICKUP = "Task_ConfirmPickup";
    /** The vendor reconciles the receipt. */
    public static final String RECEIPT = "Task_ReconcileReceipt";
    /** IT staff resolve discrepancies. */
    public static final String RESOLVE = "Task_ResolveDiscrepancies";
    /** The asset managers' follow-up of an overdue pickup. */
    public static final String FOLLOW_UP_OVERDUE_PICKUP = "Task_FollowUpOverduePickup";
    /** The asset managers' follow-up of an overdue receipt. */
    public static final String FOLLOW_UP_OVERDUE_RECEIPT = "Task_FollowUpOverdueReceipt";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessMessages messages;
    private final EngineTables engine;

    LotProcess(RuntimeService runtime, TaskService tasks, ProcessMessages messages, EngineTables engine) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.messages = messages;
        this.engine = engine;
    }

    /** Starts the handoff of a lot (asynchronously, after the caller's commit). */
    public void start(UUID lotId, UUID vendorId) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, lotId.toString(), Map.of("vendorId", vendorId.toString()));
    }

    /** The lot's waiting task at this step, if it waits there. */
    public Optional<String> waitingTask(UUID lotId, String step) {
        return engine.waitingTask(PROCESS_KEY, lotId.toString(), step);
    }

    /** The step the lot waits at, if any. */
    public Optional<String> currentStep(UUID lotId) {
        return engine.currentStep(PROCESS_KEY, lotId.toString());
    }

    /** Completes a lot step done by this user: 409 {@code claimed-by-another} when another user claimed it. */
    public void complete(String taskId, UUID by) {
        TaskClaims.requireNotClaimedByAnother(engine, taskId, by);
        tasks.complete(taskId);
    }

    /** Whether the retirement instance waits for its lot's receipt. */
    public boolean awaitsLot(UUID retirementId) {
        return runtime.createExecutionQuery().processDefinitionKey(RetirementProcess.PROCESS_KEY)
                .processInstanceBusinessKey(retirementId.toString()).activityId("Event_LotReceived")
                .messageEventSubscriptionName("LotReceived").count() > 0;
    }

    /**
     * Tells a retirement instance that its asset was received by the vendor (the vendor's tasks follow); if the
     * instance is not (yet) waiting for it, the message waits in the inbox until it is, or expires with its reason
     * if the instance has ended.
     */
    public void lotReceived(UUID retirementId, UUID vendorId) {
        messages.send("LotReceived", retirementId.toString(), Map.of("vendorId", vendorId.toString()));
    }

    /** Ends a retirement instance whose asset was lost in transit. */
    public void lostInTransit(UUID retirementId) {
        runtime.createMessageCorrelation("AssetLostInTransit").processInstanceBusinessKey(retirementId.toString())
                .correlateWithResult();
    }
}
