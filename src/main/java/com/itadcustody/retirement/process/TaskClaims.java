package com.itadcustody.retirement.process;

import com.itadcustody.shared.DomainRuleViolated;
import java.util.UUID;

/** The claim rule shared by retirement and lot steps: a claimed step is done only by the user who claimed it. */
final class TaskClaims {

    private TaskClaims() {
    }

    /** 409 {@code claimed-by-another} when the task is claimed by someone other than this user. */
    static void requireNotClaimedByAnother(EngineTables engine, String taskId, UUID userId) {
        String assignee = engine.assignee(taskId).orElse(null);
        if (assignee != null && !assignee.equals(userId.toString())) {
            throw DomainRuleViolated.conflict("claimed-by-another", "taskId",
                    "another user has claimed this step; they complete or release it");
        }
    }
}
