package com.itadcustody.retirement.process;

import com.itadcustody.shared.DomainRuleViolated;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** The claim rule shared by retirement and lot steps: a claimed step is done only by the user who claimed it. */
final class TaskClaims {

    private TaskClaims() {
    }

    /** 409 {@code claimed-by-another} when the task is claimed by someone other than this user. */
    static void requireNotClaimedByAnother(TaskService tasks, String taskId, UUID userId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(userId.toString())) {
            throw DomainRuleViolated.conflict("claimed-by-another", "taskId",
                    "another user has claimed this step; they complete or release it");
        }
    }
}
