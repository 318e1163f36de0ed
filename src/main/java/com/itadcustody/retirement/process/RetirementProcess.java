package com.itadcustody.retirement.process;

import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.shared.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
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

    /** More distinct answers than any rule set has input combinations: the memo is cleared rather than grown. */
    static final int MAX_REMEMBERED_DECISIONS = 10_000;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DecisionService decisions;
    private final RepositoryService repository;
    private final EngineTables engine;
    private final Map<DecisionInputs, SanitizationDecision> decided = new ConcurrentHashMap<>();

    RetirementProcess(RuntimeService runtime, TaskService tasks, DecisionService decisions,
            RepositoryService repository, EngineTables engine) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.decisions = decisions;
        this.repository = repository;
        this.engine = engine;
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
     * {@code backupNeeded} routes it through the backup confirmation after approval; a
     * {@code sanitizationVendorId} offers the sanitization steps to that vendor instead of IT staff.
     */
    public void start(UUID requestId, UUID assetId, boolean backupNeeded, UUID sanitizationVendorId) {
        Map<String, Object> variables = new HashMap<>(Map.of("assetId", assetId.toString(), "backupNeeded",
                backupNeeded, "sanitizer", sanitizationVendorId == null ? "IT_STAFF" : "VENDOR"));
        if (sanitizationVendorId != null) {
            variables.put("vendorId", sanitizationVendorId.toString());
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, requestId.toString(), variables);
    }

    /**
     * Completes a step that sets no routing flag, done by this user: 409 {@code claimed-by-another} when another
     * user has claimed it.
     */
    public void complete(String taskId, UUID by) {
        TaskClaims.requireNotClaimedByAnother(engine, taskId, by);
        tasks.complete(taskId);
    }

    /**
     * The NIST SP 800-88 method for one medium from the latest deployed version of the DMN decision
     * {@code sanitization-method}: method type, technique, guidance and the rule set that answered.
     *
     * <p>A decision table is a pure function of its inputs, so each deployed version is evaluated once per distinct
     * input and its answer remembered: the FEEL engine builds its built-in function table on every evaluation, and
     * with full history every evaluation wrote a dozen history rows, together an eighth of a retirement's CPU time.
     * The custody event of the decision names the rule set version instead (processes/README.md, "History").
     */
    public SanitizationDecision decideSanitization(String mediaType, String confidentiality, String destination,
            boolean selfEncrypting) {
        DecisionDefinition rules = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(SANITIZATION_DECISION).latestVersion().withoutTenantId().singleResult();
        if (rules == null) {
            throw new IllegalStateException("decision " + SANITIZATION_DECISION + " is not deployed");
        }
        if (decided.size() >= MAX_REMEMBERED_DECISIONS) {
            decided.clear();
        }
        return decided.computeIfAbsent(
                new DecisionInputs(rules.getId(), mediaType, confidentiality, destination, selfEncrypting),
                inputs -> evaluate(rules, inputs));
    }

    private SanitizationDecision evaluate(DecisionDefinition rules, DecisionInputs inputs) {
        var result = decisions.evaluateDecisionById(rules.getId())
                .variables(Map.of("mediaType", inputs.mediaType(), "confidentiality", inputs.confidentiality(),
                        "destination", inputs.destination(), "selfEncrypting", inputs.selfEncrypting()))
                .evaluate().getSingleResult();
        String ruleSet = rules.getKey() + ":" + rules.getVersion()
                + (rules.getVersionTag() == null ? "" : " (" + rules.getVersionTag() + ")");
        return new SanitizationDecision(result.getEntry("methodType"), result.getEntry("technique"),
                result.getEntry("guidance"), ruleSet);
    }

    private record DecisionInputs(String decisionDefinitionId, String mediaType, String confidentiality,
            String destination, boolean selfEncrypting) {
    }

    /**
     * One medium's method as the decision table answers it.
     *
     * @param ruleSet the decision that answered: key, deployed version and version tag, e.g.
     *     {@code sanitization-method:1 (NIST-SP-800-88r1)}
     */
    public record SanitizationDecision(String methodType, String technique, String guidance, String ruleSet) {
    }

    /** The waiting user task of this request at this step, if it waits there. */
    public Optional<String> waitingTask(UUID requestId, String step) {
        return engine.waitingTask(PROCESS_KEY, requestId.toString(), step);
    }

    /** The waiting user task of this request at this step for one medium (multi-instance), if it waits there. */
    public Optional<String> waitingTaskForMedium(UUID requestId, String step, UUID mediumId) {
        return engine.waitingTaskForMedium(PROCESS_KEY, requestId.toString(), step, mediumId.toString());
    }

    /** The step the request waits at now, if any. */
    public Optional<String> currentStep(UUID requestId) {
        return engine.currentStep(PROCESS_KEY, requestId.toString());
    }

    /** Completes the approval step with the decision (409 {@code claimed-by-another} as {@link #complete}). */
    public void completeApproval(String taskId, boolean approved, UUID by) {
        TaskClaims.requireNotClaimedByAnother(engine, taskId, by);
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
     * lots and assets ({@code vendorId}); with a retirement id (null: any), only that retirement's steps.
     */
    public List<RetirementTask> tasksFor(Collection<Role> roles, UUID vendorId, UUID retirementId, int max) {
        if (roles.isEmpty()) {
            return List.of();
        }
        var query = tasks.createTaskQuery().processDefinitionKeyIn(PROCESS_KEY, LotProcess.PROCESS_KEY)
                .taskCandidateGroupIn(roles.stream().map(Role::name).toList()).includeAssignedTasks();
        if (vendorId != null) {
            query = query.processVariableValueEquals("vendorId", vendorId.toString());
        }
        if (retirementId != null) {
            query = query.processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(retirementId.toString());
        }
        return views(query.orderByTaskCreateTime().asc().listPage(0, max), roles);
    }

    /**
     * One page of the open retirement and lot tasks that one of these roles may do (not vendors'), oldest first,
     * with how many there are in all: the engine's paged query and its count. With asset ids (null: any), only the
     * steps of those assets' retirements; an empty set finds none.
     */
    public com.itadcustody.shared.PageResult<RetirementTask> taskPage(Collection<Role> roles, Set<UUID> assetIds,
            int page, int size) {
        if (roles.isEmpty() || assetIds != null && assetIds.isEmpty()) {
            return com.itadcustody.shared.PageResult.of(List.of(), page, size, 0);
        }
        var query = tasks.createTaskQuery().processDefinitionKeyIn(PROCESS_KEY, LotProcess.PROCESS_KEY)
                .taskCandidateGroupIn(roles.stream().map(Role::name).toList()).includeAssignedTasks();
        if (assetIds != null) {
            var anyAsset = query.or();
            assetIds.forEach(id -> anyAsset.processVariableValueEquals("assetId", id.toString()));
            query = anyAsset.endOr();
        }
        long total = query.count();
        List<Task> found = query.orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(page * size, size);
        return com.itadcustody.shared.PageResult.of(views(found, roles), page, size, total);
    }

    /**
     * The tasks as the module shows them, read with a fixed number of engine queries however many tasks there are
     * (their instances, execution trees, variables and groups in one query each). A task completed meanwhile is
     * left out.
     */
    private List<RetirementTask> views(List<Task> found, Collection<Role> roles) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds)
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, i -> i));
        Map<String, String> parents = executionParents(instanceIds);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableNameIn("assetId", "mediumId")
                .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            if (v.getTaskId() == null && v.getExecutionId() != null) {
                variables.computeIfAbsent(v.getExecutionId(), e -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        Map<String, String> groups = groups(found, roles);
        List<RetirementTask> views = new ArrayList<>(found.size());
        for (Task task : found) {
            ProcessInstance instance = instances.get(task.getProcessInstanceId());
            if (instance == null || !parents.containsKey(task.getExecutionId())) {
                continue;
            }
            String businessKey = instance.getBusinessKey();
            boolean lot = instance.getProcessDefinitionId().startsWith(LotProcess.PROCESS_KEY + ":");
            Object asset = variable(task.getExecutionId(), "assetId", parents, variables);
            Object medium = variable(task.getExecutionId(), "mediumId", parents, variables);
            views.add(new RetirementTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    lot ? null : UUID.fromString(businessKey), lot ? UUID.fromString(businessKey) : null,
                    asset == null ? null : UUID.fromString(asset.toString()),
                    medium == null ? null : UUID.fromString(medium.toString()), task.getCreateTime().toInstant(),
                    groups.get(task.getId()), task.getAssignee() == null ? null : UUID.fromString(task.getAssignee()),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        }
        return views;
    }

    /** The parent of every execution of these process instances (an instance's own execution maps to null). */
    private Map<String, String> executionParents(Set<String> instanceIds) {
        String ids = instanceIds.stream().peek(RetirementProcess::requireEngineId).map(id -> "'" + id + "'")
                .collect(Collectors.joining(","));
        Map<String, String> parents = new HashMap<>();
        for (Execution e : runtime.createNativeExecutionQuery().sql("SELECT * FROM "
                + management.getTableName(ExecutionEntity.class) + " WHERE PROC_INST_ID_ IN (" + ids + ")").list()) {
            parents.put(e.getId(), ((ExecutionEntity) e).getParentId());
        }
        return parents;
    }

    /** As {@code RuntimeService.getVariable}: the execution's own variable, else its nearest ancestor's. */
    private static Object variable(String executionId, String name, Map<String, String> parents,
            Map<String, Map<String, Object>> variables) {
        for (String e = executionId; e != null; e = parents.get(e)) {
            Map<String, Object> own = variables.get(e);
            if (own != null && own.containsKey(name)) {
                return own.get(name);
            }
        }
        return null;
    }

    /**
     * The role (a candidate group) each task is offered to: with one role, the one the tasks were queried for;
     * with several, the first of them, in {@link Role} order, that is a candidate group of the task.
     */
    private Map<String, String> groups(List<Task> found, Collection<Role> roles) {
        Map<String, String> groups = new HashMap<>();
        if (roles.size() == 1) {
            String group = roles.iterator().next().name();
            found.forEach(t -> groups.put(t.getId(), group));
            return groups;
        }
        String[] ids = found.stream().map(Task::getId).toArray(String[]::new);
        for (Role role : EnumSet.copyOf(roles)) {
            for (Task t : tasks.createTaskQuery().taskIdIn(ids).taskCandidateGroup(role.name())
                    .includeAssignedTasks().list()) {
                groups.putIfAbsent(t.getId(), role.name());
            }
        }
        return groups;
    }

    /** Engine ids are generated UUIDs; anything else must not reach the native query. */
    private static void requireEngineId(String id) {
        if (!id.matches("[0-9A-Za-z-]{1,64}")) {
            throw new IllegalArgumentException("not an engine id: " + id);
        }
    }

    private ManagementService management;

    @org.springframework.beans.factory.annotation.Autowired
    void management(ManagementService management) {
        this.management = management;
    }

    /**
     * The open retirement or lot task with this id if one of these roles may do it (a vendor's only for its own lots
     * and assets), else empty.
     */
    public Optional<RetirementTask> visibleTask(String taskId, Collection<Role> roles, UUID vendorId) {
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        var query = tasks.createTaskQuery().taskId(taskId).processDefinitionKeyIn(PROCESS_KEY, LotProcess.PROCESS_KEY)
                .taskCandidateGroupIn(roles.stream().map(Role::name).toList()).includeAssignedTasks();
        if (vendorId != null) {
            query = query.processVariableValueEquals("vendorId", vendorId.toString());
        }
        return views(query.list(), roles).stream().findFirst();
    }

    /**
     * The open tasks of the retirement (or, with {@code lot} true, the lot) with this id, oldest first, each with the
     * role it is offered to; empty when its process does not wait for a person.
     */
    public List<RetirementTask> openTasksOf(UUID businessKey, boolean lot) {
        List<Task> found = new ArrayList<>(WaitingTasks.of(runtime, tasks, management,
                lot ? LotProcess.PROCESS_KEY : PROCESS_KEY, businessKey.toString()));
        found.sort(java.util.Comparator.comparing(Task::getCreateTime));
        return views(found, EnumSet.allOf(Role.class));
    }

    /** Claims the task for this user: 409 {@code claimed-by-another} when someone else holds it. */
    public void claim(String taskId, UUID userId) {
        TaskClaims.requireNotClaimedByAnother(engine, taskId, userId);
        tasks.setAssignee(taskId, userId.toString());
    }

    /** Releases this user's claim on the task: 409 {@code claimed-by-another} when someone else holds it. */
    public void release(String taskId, UUID userId) {
        TaskClaims.requireNotClaimedByAnother(engine, taskId, userId);
        tasks.setAssignee(taskId, null);
    }
}
