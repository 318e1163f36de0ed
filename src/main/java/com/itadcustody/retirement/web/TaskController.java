package com.itadcustody.retirement.web;

import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.TaskAssignments;
import com.itadcustody.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Claiming and releasing the steps listed at {@code GET /api/v1/tasks}. */
@RestController
@RequestMapping("/api/v1/tasks")
@Validated
@Tag(name = "Retirement workflow", description = "Retirement requests, decisions and tasks")
class TaskController {

    /** Engine task ids are UUIDs. */
    static final String TASK_ID = "[0-9a-fA-F-]{36}";

    private final TaskAssignments assignments;
    private final CurrentActor actor;

    TaskController(TaskAssignments assignments, CurrentActor actor) {
        this.assignments = assignments;
        this.actor = actor;
    }

    @PostMapping("/{taskId}/claim")
    @PreAuthorize(RetirementController.STAFF)
    @Operation(summary = "Claim a step you may do; until you release it, only you complete it",
            description = "404 for a step your roles may not do (or another vendor's); 409 claimed-by-another when a"
                    + " colleague holds it.")
    RetirementTask claim(@PathVariable @Pattern(regexp = TASK_ID, message = "must be a task id") String taskId) {
        return assignments.claim(taskId, actor.get());
    }

    @DeleteMapping("/{taskId}/claim")
    @PreAuthorize(RetirementController.STAFF)
    @Operation(summary = "Release your claim on a step so that a colleague may do it")
    RetirementTask release(@PathVariable @Pattern(regexp = TASK_ID, message = "must be a task id") String taskId) {
        return assignments.release(taskId, actor.get());
    }
}
