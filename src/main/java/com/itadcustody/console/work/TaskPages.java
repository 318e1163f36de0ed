package com.itadcustody.console.work;

import com.itadcustody.asset.AssetLookup;
import com.itadcustody.asset.AssetLookup.AssetRef;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.console.PageLinks;
import com.itadcustody.retirement.Deprovisioning;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningStatus;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.TaskAssignments;
import com.itadcustody.retirement.TaskInbox;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox and one form per task type. Each form builds the retirement module's command (the REST API's
 * request type), so Bean Validation and the domain's rules (four-eyes, claims, open steps) are exactly the API's;
 * a refusal is shown next to its field or at the top, with what was typed kept.
 */
@Controller
class TaskPages {

    static final String WORKERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER')";
    static final int PAGE_SIZE = 25;

    static final String APPROVE = "Task_ApproveRetirement";
    static final String FOLLOW_UP_APPROVAL = "Task_FollowUpOverdueApproval";
    static final String FOLLOW_UP_VENDOR_PROCESSING = "Task_FollowUpOverdueVendorProcessing";
    static final String CONFIRM_BACKUP = "Task_ConfirmBackup";
    static final String ATTEST_DEPROVISIONING = "Task_AttestDeprovisioning";
    static final String SANITIZE = "Task_SanitizeMedium";
    static final String VERIFY = "Task_VerifyMedium";
    static final String SETTLE = "Task_SettleAsset";
    static final String SIGN_OFF = "Task_SignOffManifest";
    static final String HANDOFF_BLOCKED = "Task_HandoffBlocked";
    static final String FOLLOW_UP_PICKUP = "Task_FollowUpOverduePickup";
    static final String FOLLOW_UP_RECEIPT = "Task_FollowUpOverdueReceipt";
    static final String RESOLVE = "Task_ResolveDiscrepancies";

    private final TaskInbox inbox;
    private final TaskAssignments assignments;
    private final Retirements retirements;
    private final Escalations escalations;
    private final Lots lots;
    private final Deprovisioning deprovisioning;
    private final AssetLookup assets;
    private final CurrentActor currentActor;
    private final Validator validator;

    TaskPages(TaskInbox inbox, TaskAssignments assignments, Retirements retirements, Escalations escalations,
            Lots lots, Deprovisioning deprovisioning, AssetLookup assets, CurrentActor currentActor,
            Validator validator) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.retirements = retirements;
        this.escalations = escalations;
        this.lots = lots;
        this.deprovisioning = deprovisioning;
        this.assets = assets;
        this.currentActor = currentActor;
        this.validator = validator;
    }

    @GetMapping("/tasks")
    @PreAuthorize(WORKERS)
    String inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String asset,
            Model model) {
        Actor actor = currentActor.get();
        String wanted = asset == null ? "" : asset.strip();
        Set<UUID> assetIds = wanted.isEmpty() ? null
                : assets.byTagsOrSerials(List.of(wanted)).stream().map(AssetRef::id).collect(Collectors.toSet());
        PageResult<RetirementTask> tasks = inbox.page(actor, assetIds, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("asset", wanted);
        model.addAttribute("filtered", assetIds != null);
        Map<UUID, AssetRef> byId = assets.byIds(tasks.content().stream().map(RetirementTask::assetId)
                .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(AssetRef::id, Function.identity()));
        Instant now = Instant.now();
        model.addAttribute("rows", tasks.content().stream().map(t -> Row.of(t, byId.get(t.assetId()),
                inbox.dueAt(t), now, actor.userId())).toList());
        model.addAttribute("pager", PageLinks.of(tasks));
        return "console/work/tasks";
    }

    /**
     * One line of the inbox.
     *
     * @param task the step
     * @param asset its asset, or null for a lot's step
     * @param dueAt when it is due under its SLA, or null
     * @param overdue whether it is past due
     * @param claimedByMe whether the user claimed it
     * @param claimedByOther whether a colleague claimed it
     */
    record Row(RetirementTask task, AssetRef asset, Instant dueAt, boolean overdue, boolean claimedByMe,
            boolean claimedByOther) {

        static Row of(RetirementTask task, AssetRef asset, Instant dueAt, Instant now, UUID me) {
            return new Row(task, asset, dueAt, dueAt != null && !dueAt.isAfter(now),
                    me.equals(task.assignee()), task.assignee() != null && !me.equals(task.assignee()));
        }
    }

    @GetMapping("/tasks/{taskId}")
    @PreAuthorize(WORKERS)
    String task(@PathVariable String taskId, Model model) {
        RetirementTask task = inbox.task(taskId, currentActor.get());
        return taskPage(task, initial(task), model);
    }

    @PostMapping("/tasks/{taskId}/claim")
    @PreAuthorize(WORKERS)
    String claim(@PathVariable String taskId, RedirectAttributes redirect) {
        inbox.task(taskId, currentActor.get());
        assignments.claim(taskId, currentActor.get());
        redirect.addFlashAttribute("notice", "You claimed this step; until you release it, only you complete it.");
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/release")
    @PreAuthorize(WORKERS)
    String release(@PathVariable String taskId, RedirectAttributes redirect) {
        inbox.task(taskId, currentActor.get());
        assignments.release(taskId, currentActor.get());
        redirect.addFlashAttribute("notice", "You released this step; a colleague may do it now.");
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}")
    @PreAuthorize(WORKERS)
    String complete(@PathVariable String taskId, @ModelAttribute("form") TaskForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = currentActor.get();
        RetirementTask task = inbox.task(taskId, actor);
        errors = Forms.readable(errors, model);
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (!errors.hasErrors()) {
            try {
                String done = perform(task, form, errors, actor);
                if (done != null) {
                    redirect.addFlashAttribute("notice", done);
                    return "redirect:/tasks";
                }
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, TaskForm.formField(refused.field()));
                status = refused.status();
            }
        }
        response.setStatus(status.value());
        return taskPage(task, form, model);
    }

    /** Does the step with the form's command; the notice to show, or null when the form has errors. */
    private String perform(RetirementTask task, TaskForm form, BindingResult errors, Actor actor) {
        UUID retirement = task.retirementId();
        UUID lot = task.lotId();
        switch (task.step()) {
            case APPROVE -> {
                if (form.getApprove() == null) {
                    errors.rejectValue("approve", "required", "Choose approve or reject.");
                }
                checkLength(errors, "comment", form.getComment(), 2000);
                if (errors.hasErrors()) {
                    return null;
                }
                retirements.decide(retirement, form.getApprove(), TaskForm.strip(form.getComment()), actor);
                return form.getApprove() ? "Retirement approved; it moves on to backup and de-provisioning."
                        : "Retirement rejected; the asset is back in service.";
            }
            case FOLLOW_UP_APPROVAL, FOLLOW_UP_VENDOR_PROCESSING -> {
                checkLength(errors, "comment", form.getComment(), 2000);
                if (errors.hasErrors()) {
                    return null;
                }
                escalations.acknowledgeRetirement(retirement, TaskForm.strip(form.getComment()), actor);
                return "Escalation acknowledged; the overdue step stays open.";
            }
            case FOLLOW_UP_PICKUP, FOLLOW_UP_RECEIPT -> {
                checkLength(errors, "comment", form.getComment(), 2000);
                if (errors.hasErrors()) {
                    return null;
                }
                escalations.acknowledgeLot(lot, TaskForm.strip(form.getComment()), actor);
                return "Escalation acknowledged; the vendor's step stays open.";
            }
            case CONFIRM_BACKUP -> {
                checkLength(errors, "backupLocation", form.getBackupLocation(), 500);
                boolean located = TaskForm.strip(form.getBackupLocation()) != null;
                if (!errors.hasErrors() && located == form.isNothingToKeep()) {
                    errors.rejectValue("backupLocation", "location-or-nothing-to-keep",
                            "Give the backup location, or tick that nothing must be kept (not both).");
                }
                if (errors.hasErrors()) {
                    return null;
                }
                retirements.confirmBackup(retirement, located ? form.getBackupLocation() : null, actor);
                return located ? "Backup location recorded." : "Recorded that nothing must be kept.";
            }
            case ATTEST_DEPROVISIONING -> {
                List<DeprovisioningAttestation> attestations = form.attestationList();
                if (attestations.isEmpty() || attestations.size() > 10) {
                    errors.reject("systems", "Attest every system listed.");
                }
                for (int i = 0; i < attestations.size(); i++) {
                    for (ConstraintViolation<DeprovisioningAttestation> v : validator.validate(attestations.get(i))) {
                        errors.rejectValue("attestations[" + i + "]." + v.getPropertyPath(), "invalid",
                                v.getMessage());
                    }
                }
                if (errors.hasErrors()) {
                    return null;
                }
                retirements.attestDeprovisioning(retirement, attestations, actor);
                return "De-provisioning attested for " + attestations.size() + " system"
                        + (attestations.size() == 1 ? "" : "s") + ".";
            }
            case SANITIZE -> {
                form.checkSanitization(errors);
                if (errors.hasErrors()) {
                    return null;
                }
                var report = form.sanitization();
                validator.validate(report).forEach(v -> Forms.reject(errors,
                        TaskForm.formField(v.getPropertyPath().toString()), "invalid", v.getMessage()));
                if (errors.hasErrors()) {
                    return null;
                }
                retirements.recordSanitization(retirement, task.mediumId(), report, actor);
                return report.passed() ? "Sanitization recorded; an independent verifier checks it next."
                        : "Sanitization recorded as failed; the medium is sanitized again.";
            }
            case VERIFY -> {
                form.checkVerification(errors);
                if (errors.hasErrors()) {
                    return null;
                }
                VerificationReport report = form.verification();
                validator.validate(report).forEach(v -> Forms.reject(errors,
                        TaskForm.formField(v.getPropertyPath().toString()), "invalid", v.getMessage()));
                if (errors.hasErrors()) {
                    return null;
                }
                retirements.recordVerification(retirement, task.mediumId(), report, actor);
                return report.passed() ? "Verification recorded; the certificate of sanitization follows."
                        : "Verification recorded as failed; the medium goes back to sanitization.";
            }
            case SETTLE -> {
                form.checkSettlement(errors);
                if (errors.hasErrors()) {
                    return null;
                }
                var settlement = form.settlement();
                validator.validate(settlement).forEach(v -> Forms.reject(errors,
                        TaskForm.formField(v.getPropertyPath().toString()), "invalid", v.getMessage()));
                if (errors.hasErrors()) {
                    return null;
                }
                retirements.settle(retirement, settlement, actor);
                return "Settlement recorded; the certificate of disposition follows.";
            }
            case SIGN_OFF -> {
                lots.signOff(lot, actor);
                return "Manifest signed off; its SHA-256 is in every asset's custody chain.";
            }
            case HANDOFF_BLOCKED -> {
                LotView after = lots.retryHandoff(lot, actor);
                return "Handoff checked again" + ("Task_HandoffBlocked".equals(after.openTask())
                        ? "; still blocked: the vendor has no certification valid today." : ".");
            }
            case RESOLVE -> {
                for (int i = 0; i < form.getResolutions().size(); i++) {
                    if (TaskForm.strip(form.getResolutions().get(i).getResolution()) == null) {
                        errors.rejectValue("resolutions[" + i + "].resolution", "required",
                                "Choose how this discrepancy is resolved.");
                    }
                }
                if (errors.hasErrors()) {
                    return null;
                }
                lots.resolveDiscrepancies(lot, form.getResolutions().stream().map(r -> new Lots.Resolution(
                        r.getSerial(), r.getResolution())).toList(), actor);
                return "Discrepancies resolved.";
            }
            default -> throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null,
                    "this step is not done on the staff pages");
        }
    }

    private static void checkLength(BindingResult errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.rejectValue(field, "max-length", "At most " + max + " characters.");
        }
    }

    /** The form as a step starts: rows for each system to attest or discrepancy to resolve, the planned technique. */
    private TaskForm initial(RetirementTask task) {
        TaskForm form = new TaskForm();
        switch (task.step()) {
            case ATTEST_DEPROVISIONING -> form.setAttestations(pendingSystems(task.retirementId()).stream()
                    .map(TaskForm.AttestationRow::new).collect(Collectors.toCollection(java.util.ArrayList::new)));
            case RESOLVE -> form.setResolutions(lots.get(task.lotId(), currentActor.get()).discrepancies().stream()
                    .filter(d -> d.resolution() == null).map(d -> new TaskForm.ResolutionRow(d.serial(), d.kind()))
                    .collect(Collectors.toCollection(java.util.ArrayList::new)));
            case SANITIZE -> planned(task).ifPresent(p -> form.setTechnique(SanitizationTechnique.valueOf(
                    p.technique())));
            default -> {
            }
        }
        return form;
    }

    private List<DeprovisioningAttestation.System> pendingSystems(UUID retirementId) {
        return deprovisioning.status(retirementId).systems().stream()
                .filter(s -> s.state() != DeprovisioningStatus.State.DONE)
                .map(DeprovisioningStatus.SystemStatus::system).toList();
    }

    private java.util.Optional<SanitizationPlanItem> planned(RetirementTask task) {
        if (task.retirementId() == null || task.mediumId() == null) {
            return java.util.Optional.empty();
        }
        return retirements.sanitizationPlan(task.retirementId()).stream()
                .filter(p -> p.mediumId().equals(task.mediumId())).findFirst();
    }

    private String taskPage(RetirementTask task, TaskForm form, Model model) {
        Actor actor = currentActor.get();
        RetirementView retirement = task.retirementId() == null ? null : retirements.get(task.retirementId());
        LotView lot = task.lotId() == null ? null : lots.get(task.lotId(), actor);
        UUID assetId = task.assetId() != null ? task.assetId() : retirement == null ? null : retirement.assetId();
        Instant due = inbox.dueAt(task);
        model.addAttribute("task", task);
        model.addAttribute("row", Row.of(task, null, due, Instant.now(), actor.userId()));
        model.addAttribute("retirement", retirement);
        model.addAttribute("lot", lot);
        model.addAttribute("asset", assetId == null ? null : assets.byIds(List.of(assetId)).stream().findFirst()
                .orElse(null));
        model.addAttribute("medium", planned(task).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("techniques", SanitizationTechnique.values());
        model.addAttribute("verificationMethods", VerificationMethod.values());
        model.addAttribute("onFailures", VerificationReport.OnFailure.values());
        model.addAttribute("outcomes", DeprovisioningAttestation.Outcome.values());
        model.addAttribute("canCancel", retirement != null && isRequester(actor.roles())
                && (retirement.status() == RetirementStatus.REQUESTED
                || retirement.status() == RetirementStatus.APPROVED));
        model.addAttribute("cancelForm", new RetirementPages.CancelForm());
        return "console/work/task";
    }

    private static boolean isRequester(Collection<Role> roles) {
        return roles.contains(Role.IT_STAFF) || roles.contains(Role.ASSET_MANAGER) || roles.contains(Role.ADMIN);
    }
}
