package com.itadcustody.retirement;

import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retirement module's API for claiming steps: a user claims a step they may do so that colleagues see it is
 * taken; until they release it, only they complete it (409 {@code claimed-by-another} for anyone else). A step the
 * user may not see (another role's, another vendor's) is 404.
 */
@Service
public class TaskAssignments {

    private final RetirementProcess process;

    TaskAssignments(RetirementProcess process) {
        this.process = process;
    }

    /** Claims the step for the actor. */
    @Transactional
    public RetirementTask claim(String taskId, Actor actor) {
        visible(taskId, actor);
        process.claim(taskId, actor.userId());
        return visible(taskId, actor);
    }

    /** Releases the actor's claim on the step (nothing happens when it is not claimed). */
    @Transactional
    public RetirementTask release(String taskId, Actor actor) {
        visible(taskId, actor);
        process.release(taskId, actor.userId());
        return visible(taskId, actor);
    }

    private RetirementTask visible(String taskId, Actor actor) {
        boolean vendor = actor.has(Role.VENDOR);
        if (vendor && actor.vendorId() == null) {
            throw new NotFound("task", taskId);
        }
        Set<Role> roles = vendor ? EnumSet.of(Role.VENDOR) : Set.copyOf(actor.roles());
        return process.visibleTask(taskId, roles, vendor ? actor.vendorId() : null)
                .orElseThrow(() -> new NotFound("task", taskId));
    }
}
