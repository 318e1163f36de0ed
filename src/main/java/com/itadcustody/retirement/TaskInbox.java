package com.itadcustody.retirement;

import com.itadcustody.retirement.process.LotProcess;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.retirement.process.RetirementSla;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retirement module's API for staff's task inbox: one page at a time of the steps the caller's roles may do
 * (the same steps {@link Retirements#tasksFor} lists), one step by id, and when a step with an SLA is due. Vendors
 * use their own views; here they see nothing.
 */
@Service
public class TaskInbox {

    /** Largest page the inbox shows. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final Set<Role> STAFF_ROLES = EnumSet.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.VERIFIER,
            Role.COMPLIANCE, Role.ADMIN);

    private final RetirementProcess process;
    private final RetirementSla sla;
    private final VendorLots vendorLots;

    TaskInbox(RetirementProcess process, RetirementSla sla, VendorLots vendorLots) {
        this.process = process;
        this.sla = sla;
        this.vendorLots = vendorLots;
    }

    /**
     * One page of the caller's steps, oldest first (a vendor's: empty); with asset ids, only the steps of those
     * assets' retirements (null: any asset; an empty set: none).
     */
    @Transactional(readOnly = true)
    public PageResult<RetirementTask> page(Actor actor, Set<UUID> assetIds, int page, int size) {
        if (page < 0) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-page", "page", "page starts at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-page-size", "size",
                    "size is between 1 and " + MAX_PAGE_SIZE);
        }
        return process.taskPage(staffRoles(actor), assetIds, page, size);
    }

    /** The open step with this id if the caller's roles may do it; 404 otherwise (and for vendors). */
    @Transactional(readOnly = true)
    public RetirementTask task(String taskId, Actor actor) {
        Set<Role> roles = staffRoles(actor);
        if (taskId == null || !taskId.matches("[0-9A-Za-z-]{1,64}")) {
            throw new NotFound("task", taskId);
        }
        return process.visibleTask(taskId, roles, null).orElseThrow(() -> new NotFound("task", taskId));
    }

    /**
     * When the step is due under its SLA (the approval, a vendor's pickup, receipt or processing), or null for a
     * step without one; a follow-up of an overdue step is due at once. The due date is the one the step got when it
     * started, under the SLA of that moment; a step started before steps carried one is due after today's SLA.
     */
    public Instant dueAt(RetirementTask task) {
        if (task.dueAt() != null) {
            return task.dueAt();
        }
        return switch (task.step()) {
            case RetirementProcess.APPROVE -> task.createdAt().plus(Duration.parse(sla.getApproval()));
            case RetirementProcess.FOLLOW_UP_OVERDUE_APPROVAL, RetirementProcess.FOLLOW_UP_OVERDUE_VENDOR_PROCESSING,
                    LotProcess.FOLLOW_UP_OVERDUE_PICKUP, LotProcess.FOLLOW_UP_OVERDUE_RECEIPT -> task.createdAt();
            default -> vendorLots.dueAt(task).orElse(null); // the vendor's steps: pickup, receipt, processing
        };
    }

    private static Set<Role> staffRoles(Actor actor) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        actor.roles().stream().filter(STAFF_ROLES::contains).forEach(roles::add);
        return roles;
    }
}
