package com.itadcustody.retirement.process;

import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups on the engine's runtime tables that every workflow step makes, each one SQL statement in the
 * caller's transaction (ADR 20): which task of an instance waits at a step, for a medium when the step is
 * multi-instance, and who has claimed a task. Asked through the engine's query API these took two to five queries
 * a step, with MyBatis mapping whole entities, a third of the JVM time of applying an erasure report. Nothing here
 * writes: every change to a process still goes through the engine's services.
 */
@Component
class EngineTables {

    private final JdbcClient jdbc;
    private final ManagementService management;
    private volatile Statements statements;

    EngineTables(JdbcClient jdbc, @Lazy ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    /** The statements with the engine's table names (a configured prefix included), built on first use. */
    private record Statements(String waitingTask, String currentStep, String waitingTaskForMedium, String assignee) {
    }

    private Statements statements() {
        Statements built = statements;
        if (built == null) {
            String execution = management.getTableName(ExecutionEntity.class);
            String task = management.getTableName(TaskEntity.class);
            String variable = management.getTableName(VariableInstanceEntity.class);
            String instance = "select ID_ from " + execution + " where BUSINESS_KEY_ = :businessKey"
                    + " and PARENT_ID_ is null and starts_with(PROC_DEF_ID_, :definitionPrefix)";
            built = new Statements(
                    "select T.ID_, T.TASK_DEF_KEY_ from " + task + " T where T.PROC_INST_ID_ in (" + instance + ")"
                            + " and T.TASK_DEF_KEY_ = :step",
                    "select T.ID_, T.TASK_DEF_KEY_ from " + task + " T where T.PROC_INST_ID_ in (" + instance + ")",
                    // the executions holding the medium's id (the multi-instance element variable) and every
                    // execution below them; the task waiting in that subtree is the medium's, as
                    // RuntimeService.getVariable (nearest ancestor) would read it
                    "with recursive instance as (" + instance + "), holder(ID_) as ("
                            + " select V.EXECUTION_ID_ from " + variable + " V"
                            + " where V.PROC_INST_ID_ in (select ID_ from instance) and V.NAME_ = 'mediumId'"
                            + " and V.TEXT_ = :mediumId and V.TASK_ID_ is null and V.EXECUTION_ID_ is not null"
                            + " union all select E.ID_ from " + execution + " E join holder H on E.PARENT_ID_ = H.ID_)"
                            + " select T.ID_, T.TASK_DEF_KEY_ from " + task + " T"
                            + " where T.PROC_INST_ID_ in (select ID_ from instance)"
                            + " and T.TASK_DEF_KEY_ = :step and T.EXECUTION_ID_ in (select ID_ from holder)",
                    "select ASSIGNEE_ from " + task + " where ID_ = :taskId");
            statements = built;
        }
        return built;
    }

    /** The first (by id) open task of the instance of this process with this business key at this step. */
    Optional<String> waitingTask(String processKey, String businessKey, String step) {
        return first(jdbc.sql(statements().waitingTask).param("businessKey", businessKey)
                .param("definitionPrefix", processKey + ":").param("step", step)).map(OpenTask::id);
    }

    /** The step (task definition key) of the first (by id) open task of the instance, if it waits for a person. */
    Optional<String> currentStep(String processKey, String businessKey) {
        return first(jdbc.sql(statements().currentStep).param("businessKey", businessKey)
                .param("definitionPrefix", processKey + ":")).map(OpenTask::step);
    }

    /** The open task at this multi-instance step of the instance that works on this medium. */
    Optional<String> waitingTaskForMedium(String processKey, String businessKey, String step, String mediumId) {
        return first(jdbc.sql(statements().waitingTaskForMedium).param("businessKey", businessKey)
                .param("definitionPrefix", processKey + ":").param("mediumId", mediumId).param("step", step))
                .map(OpenTask::id);
    }

    /** An open task: its id and step. */
    private record OpenTask(String id, String step) {
    }

    /**
     * The task with the lowest id among the few an instance has open, picked here: with {@code ORDER BY ... LIMIT 1}
     * the planner may walk the whole task table in id order instead (measured at 0.9 ms a call on average and up to
     * 216 ms during the retirement benchmark, the second costliest statement), as it did for the engine's own query.
     */
    private static Optional<OpenTask> first(JdbcClient.StatementSpec statement) {
        return statement.query((rs, row) -> new OpenTask(rs.getString(1), rs.getString(2))).list().stream()
                .min(java.util.Comparator.comparing(OpenTask::id));
    }

    /** Who has claimed the open task: empty when nobody has, or when there is no such open task. */
    Optional<String> assignee(String taskId) {
        return jdbc.sql(statements().assignee).param("taskId", taskId).query(String.class).optional();
    }
}
