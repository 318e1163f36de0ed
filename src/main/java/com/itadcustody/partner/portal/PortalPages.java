package com.itadcustody.partner.portal;

import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.VendorLots;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's sign-in page, the page for users who are not vendor users, and the dashboard. */
@Controller
class PortalPages {

    private final CurrentActor currentActor;
    private final VendorLots vendorLots;
    private final Retirements retirements;

    PortalPages(CurrentActor currentActor, VendorLots vendorLots, Retirements retirements) {
        this.currentActor = currentActor;
        this.vendorLots = vendorLots;
        this.retirements = retirements;
    }

    @GetMapping(PortalSecurity.LOGIN)
    String login() {
        return "portal/login";
    }

    @GetMapping("/portal/refused")
    String refused(Model model, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName());
        model.addAttribute("signedInAs", signedIn ? authentication.getName() : null);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "portal/refused";
    }

    /** One open step of the vendor's, with its due date under the SLA. */
    record TaskRow(RetirementTask task, String what, String link, Instant dueAt, boolean overdue) {
    }

    @GetMapping({"/portal", "/portal/"})
    String dashboard(Model model) {
        Actor actor = currentActor.get();
        List<VendorLots.LotSummary> lots = vendorLots.lotsOf(actor);
        Instant now = Instant.now();
        List<TaskRow> tasks = retirements.tasksFor(actor).stream().map(task -> {
            Instant due = vendorLots.dueAt(task).orElse(null);
            return new TaskRow(task, describe(task), link(task), due, due != null && due.isBefore(now));
        }).sorted(Comparator.comparing(TaskRow::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        model.addAttribute("openLots", lots.stream().filter(VendorLots.LotSummary::open).toList());
        model.addAttribute("closedLots", lots.stream().filter(l -> !l.open()).toList());
        model.addAttribute("tasks", tasks);
        return "portal/dashboard";
    }

    private static String describe(RetirementTask task) {
        String lot = task.lotId() == null ? "" : " of lot " + task.lotId().toString().substring(0, 8);
        return switch (task.step()) {
            case "Task_ConfirmPickup" -> "Confirm the pickup" + lot;
            case "Task_ReconcileReceipt" -> "Reconcile the receipt" + lot;
            case "Task_ProcessAsset" -> "Grade and dispose of the asset";
            case "Task_SanitizeMedium" -> "Sanitize the medium";
            default -> task.name();
        };
    }

    static String link(RetirementTask task) {
        UUID lot = task.lotId();
        return switch (task.step()) {
            case "Task_ConfirmPickup" -> "/portal/lots/" + lot;
            case "Task_ReconcileReceipt" -> "/portal/lots/" + lot + "/receipt";
            case "Task_SanitizeMedium" -> "/portal/sanitization/" + task.retirementId() + "/" + task.mediumId();
            default -> task.retirementId() != null ? "/portal/assets/" + task.retirementId()
                    : lot != null ? "/portal/lots/" + lot : "/portal";
        };
    }
}
