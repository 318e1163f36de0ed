package com.itadcustody.retirement.process;

import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.shared.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The only door to the process engine for the asset-retirement process: starts an instance per request (business
 * key = request id), finds and completes its user tasks, and correlates its messages. Callers pass ids and flags,
 * never engine types.
 */
@Component
public class RetirementProcess {

    /** Process key of {@code processes/asset-retirement.bpmn}. */
    public static final String PROCESS_KEY = "asset-retirement";
    /** The approval step. */
    public static final String APPROVE = "Task_ApproveRetirement";
    /** The backup and retention confirmation step. */
    public static final String CONFIRM_BACKUP = "Task_ConfirmBackup";
    /** The asset managers' follow-up of an overdue approval. */
    public static final String FOLLOW_UP_OVERDUE_APPROVAL = "Task_FollowUpOverdueApproval";
    /** Message that cancels a retirement. */
    public static final String CANCELLED = "RetirementCancelled";

    /** The asset managers' follow-up of an overdue vendor processing. */
    public static final String FOLLOW_UP_OVERDUE_VENDOR_PROCESSING = "Task_FollowUpOverdueVendorProcessing";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DecisionService decisions;

    RetirementProcess(RuntimeService runtime, TaskService tasks, DecisionService decisions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.decisions = decisions;
    }

    /** The step where IT staff attest de-provisioning. */
    public static final String ATTEST_DEPROVISIONING = "Task_AttestDeprovisioning";
    /** The step where one medium is sanitized. */
    public static final String SANITIZE_MEDIUM = "Task_SanitizeMedium";
    /** The step where one medium is verified. */
    public static final String VERIFY_MEDIUM = "Task_VerifyMedium";
    /** The vendor grades and disposes of the asset. */
    public static final String PROCESS_ASSET = "Task_ProcessAsset";
    /** IT staff settle the asset. */
    public static final String SETTLE = "Task_SettleAsset";
    /** Decision key of {@code processes/sanitization-method.dmn}. */
    public static final String SANITIZATION_DECISION = "sanitization-method";

    /**
     * Starts the retirement of an asset (the start is asynchronous: it runs after the caller's commit);
     * {@code backupNeeded} routes it through the backup confirmation after approval.
     */
    public void start(UUID requestId, UUID assetId, boolean backupNeeded) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, requestId.toString(),
                Map.of("assetId", assetId.toString(), "backupNeeded", backupNeeded));
    }

    /** Completes a step that sets no routing flag. */
    public void complete(String taskId) {
        tasks.complete(taskId);
    }

    /**
     * The NIST SP 800-88 method for one medium from the DMN decision {@code sanitization-method}: method type,
     * technique and guidance.
     */
    public SanitizationDecision decideSanitization(String mediaType, String confidentiality, String destination,
            boolean selfEncrypting) {
        var result = decisions.evaluateDecisionByKey(SANITIZATION_DECISION)
                .variables(Map.of("mediaType", mediaType, "confidentiality", confidentiality, "destination",
                        destination, "selfEncrypting", selfEncrypting))
                .evaluate().getSingleResult();
        return new SanitizationDecision(result.getEntry("methodType"), result.getEntry("technique"),
                result.getEntry("guidance"));
    }

    /** One medium's method as the decision table answers it. */
    public record SanitizationDecision(String methodType, String technique, String guidance) {
    }

    /** The waiting user task of this request at this step, if it waits there. */
    public Optional<String> waitingTask(UUID requestId, String step) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(requestId.toString()).taskDefinitionKey(step).list().stream()
                .map(Task::getId).findFirst();
    }

    /** The waiting user task of this request at this step for one medium (multi-instance), if it waits there. */
    public Optional<String> waitingTaskForMedium(UUID requestId, String step, UUID mediumId) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(requestId.toString()).taskDefinitionKey(step).list().stream()
                .filter(t -> mediumId.toString().equals(runtime.getVariable(t.getExecutionId(), "mediumId")))
                .map(Task::getId).findFirst();
    }

    /** The step the request waits at now, if any. */
    public Optional<String> currentStep(UUID requestId) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(requestId.toString()).list().stream()
                .map(Task::getTaskDefinitionKey).findFirst();
    }

    /** Completes the approval step with the decision. */
    public void completeApproval(String taskId, boolean approved) {
        tasks.complete(taskId, Map.of("approved", approved));
    }

    /** Cancels the request's process instance through its cancellation event sub-process. */
    public void cancel(UUID requestId) {
        runtime.createMessageCorrelation(CANCELLED).processInstanceBusinessKey(requestId.toString())
                .correlateWithResult();
    }

    /** Whether the request's instance still runs. */
    public boolean isRunning(UUID requestId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(requestId.toString()).count() > 0;
    }

    /**
     * Open retirement and lot tasks that one of these roles may do, oldest first; a vendor's only for its own
     * lots and assets ({@code vendorId}).
     */
    public List<RetirementTask> tasksFor(Collection<Role> roles, UUID vendorId, int max) {
        if (roles.isEmpty()) {
            return List.of();
        }
        var query = tasks.createTaskQuery().processDefinitionKeyIn(PROCESS_KEY, LotProcess.PROCESS_KEY)
                .taskCandidateGroupIn(roles.stream().map(Role::name).toList());
        if (vendorId != null) {
            query = query.processVariableValueEquals("vendorId", vendorId.toString());
        }
        return query.orderByTaskCreateTime().asc().listPage(0, max).stream().map(this::view).toList();
    }

    private RetirementTask view(Task task) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        String businessKey = instance.getBusinessKey();
        boolean lot = instance.getProcessDefinitionId().startsWith(LotProcess.PROCESS_KEY + ":");
        Object asset = runtime.getVariable(task.getExecutionId(), "assetId");
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null);
        Object medium = runtime.getVariable(task.getExecutionId(), "mediumId");
        return new RetirementTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                lot ? null : UUID.fromString(businessKey), lot ? UUID.fromString(businessKey) : null,
                asset == null ? null : UUID.fromString(asset.toString()),
                medium == null ? null : UUID.fromString(medium.toString()), task.getCreateTime().toInstant(), group);
    }
}
