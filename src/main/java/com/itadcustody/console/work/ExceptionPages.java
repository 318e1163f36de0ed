package com.itadcustody.console.work;

import com.itadcustody.console.PageLinks;
import com.itadcustody.partner.inbound.ErasureExceptionView;
import com.itadcustody.partner.inbound.ErasureReportView;
import com.itadcustody.partner.inbound.ErasureReports;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The erasure-report exceptions queue: open or resolved exceptions, per vendor, each with its reason; resolve one
 * with a note, or apply its record again; and the recent erasure reports with their results. Through the partner
 * module's erasure-report API, with its rules.
 */
@Controller
class ExceptionPages {

    static final String HANDLERS = "hasAnyRole('IT_STAFF','ADMIN')";
    static final int PAGE_SIZE = 25;
    static final int REPORTS = 10;
    private static final Set<String> STATES = Set.of("OPEN", "RESOLVED");
    private static final Set<String> RETRYABLE = Set.of("STEP_NOT_OPEN", "UNKNOWN_SERIAL");

    private final ErasureReports reports;
    private final Vendors vendors;
    private final CurrentActor currentActor;

    ExceptionPages(ErasureReports reports, Vendors vendors, CurrentActor currentActor) {
        this.reports = reports;
        this.vendors = vendors;
        this.currentActor = currentActor;
    }

    @GetMapping("/exceptions")
    @PreAuthorize(HANDLERS)
    String queue(@RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(name = "vendorId", required = false) String vendorParam,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String shownState = STATES.contains(state) ? state : "ALL".equals(state) ? null : "OPEN";
        UUID vendorId = uuid(vendorParam);
        PageResult<ErasureExceptionView> exceptions = reports.exceptions(vendorId, shownState, null, null,
                Math.max(0, page), PAGE_SIZE, currentActor.get());
        PageResult<ErasureReportView> recent = reports.reports(vendorId, 0, REPORTS, currentActor.get());
        List<Vendor> all = vendors.list().stream().sorted(Comparator.comparing(Vendor::name)).toList();
        model.addAttribute("exceptions", exceptions.content());
        model.addAttribute("pager", PageLinks.of(exceptions));
        model.addAttribute("reports", recent.content());
        model.addAttribute("reportCount", recent.totalElements());
        model.addAttribute("vendors", all);
        model.addAttribute("vendorNames", all.stream().collect(Collectors.toMap(Vendor::id, Vendor::name,
                (a, b) -> a)));
        model.addAttribute("state", shownState == null ? "ALL" : shownState);
        model.addAttribute("vendorId", vendorId);
        model.addAttribute("retryable", RETRYABLE);
        var current = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest().build();
        model.addAttribute("here", current.getPath() + (current.getQuery() == null ? "" : "?" + current.getQuery()));
        return "console/work/exceptions";
    }

    @PostMapping("/exceptions/{id}/resolution")
    @PreAuthorize(HANDLERS)
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        if (note == null || note.isBlank()) {
            redirect.addFlashAttribute("noteError", "Write a note saying how the exception was resolved.");
            redirect.addFlashAttribute("noteFor", id);
            return "redirect:" + back(back);
        }
        if (note.length() > 2000) {
            redirect.addFlashAttribute("noteError", "At most 2,000 characters.");
            redirect.addFlashAttribute("noteFor", id);
            redirect.addFlashAttribute("noteText", note);
            return "redirect:" + back(back);
        }
        try {
            reports.resolve(id, note, currentActor.get());
            redirect.addFlashAttribute("notice", "Exception resolved.");
        } catch (DomainRuleViolated refused) {
            redirect.addFlashAttribute("problem", Forms.message(refused));
        }
        return "redirect:" + back(back);
    }

    @PostMapping("/exceptions/{id}/retry")
    @PreAuthorize(HANDLERS)
    String retry(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            ErasureExceptionView after = reports.retry(id, currentActor.get());
            redirect.addFlashAttribute("notice", "RESOLVED".equals(after.state())
                    ? "The record was applied; the exception is resolved."
                    : "The record still cannot be applied: " + after.message());
        } catch (DomainRuleViolated refused) {
            redirect.addFlashAttribute("problem", Forms.message(refused));
        }
        return "redirect:" + back(back);
    }

    /** The queue's address to go back to: only a path of the queue itself, never another site. */
    private static String back(String back) {
        if (back != null && back.startsWith("/exceptions") && !back.startsWith("//")
                && back.chars().noneMatch(c -> c == '\r' || c == '\n' || c == '\\')) {
            return UriComponentsBuilder.fromUriString(back).build().toUriString();
        }
        return "/exceptions";
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
