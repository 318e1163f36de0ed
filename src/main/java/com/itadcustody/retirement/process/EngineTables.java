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
                    "select T.ID_ from " + task + " T where T.PROC_INST_ID_ in (" + instance + ")"
                            + " and T.TASK_DEF_KEY_ = :step order by T.ID_ limit 1",
                    "select T.TASK_DEF_KEY_ from " + task + " T where T.PROC_INST_ID_ in (" + instance + ")"
                            + " order by T.ID_ limit 1",
                    // the executions holding the medium's id (the multi-instance element variable) and every
                    // execution below them; the task waiting in that subtree is the medium's, as
                    // RuntimeService.getVariable (nearest ancestor) would read it
                    "with recursive instance as (" + instance + "), holder(ID_) as ("
                            + " select V.EXECUTION_ID_ from " + variable + " V"
                            + " where V.PROC_INST_ID_ in (select ID_ from instance) and V.NAME_ = 'mediumId'"
                            + " and V.TEXT_ = :mediumId and V.TASK_ID_ is null and V.EXECUTION_ID_ is not null"
                            + " union all select E.ID_ from " + execution + " E join holder H on E.PARENT_ID_ = H.ID_)"
                            + " select T.ID_ from " + task + " T where T.PROC_INST_ID_ in (select ID_ from instance)"
                            + " and T.TASK_DEF_KEY_ = :step and T.EXECUTION_ID_ in (select ID_ from holder)"
                            + " order by T.ID_ limit 1",
                    "select ASSIGNEE_ from " + task + " where ID_ = :taskId");
            statements = built;
        }
        return built;
    }

    /** The first (by id) open task of the instance of this process with this business key at this step. */
    Optional<String> waitingTask(String processKey, String businessKey, String step) {
        return jdbc.sql(statements().waitingTask).param("businessKey", businessKey)
                .param("definitionPrefix", processKey + ":").param("step", step).query(String.class).optional();
    }

    /** The step (task definition key) of the first (by id) open task of the instance, if it waits for a person. */
    Optional<String> currentStep(String processKey, String businessKey) {
        return jdbc.sql(statements().currentStep).param("businessKey", businessKey)
                .param("definitionPrefix", processKey + ":").query(String.class).optional();
    }

    /** The open task at this multi-instance step of the instance that works on this medium. */
    Optional<String> waitingTaskForMedium(String processKey, String businessKey, String step, String mediumId) {
        return jdbc.sql(statements().waitingTaskForMedium).param("businessKey", businessKey)
                .param("definitionPrefix", processKey + ":").param("mediumId", mediumId).param("step", step)
                .query(String.class).optional();
    }

    /** Who has claimed the open task: empty when nobody has, or when there is no such open task. */
    Optional<String> assignee(String taskId) {
        return jdbc.sql(statements().assignee).param("taskId", taskId).query(String.class).optional();
    }
}
