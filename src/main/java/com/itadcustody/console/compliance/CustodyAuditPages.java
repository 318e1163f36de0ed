package com.itadcustody.console.compliance;

import com.itadcustody.compliance.CustodyAudits;
import com.itadcustody.console.PageLinks;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The custody log page: latest checkpoints, the full audit as a background job with its progress and outcome, the
 * history of past audits, and a lookup of any event by its sequence number (the event's own page is
 * {@code /custody/entries/{seq}}).
 */
@Controller
@PreAuthorize(CompliancePages.AUDITORS)
class CustodyAuditPages {

    private static final int PAGE_SIZE = 20;

    private final CustodyAudits audits;
    private final CurrentActor currentActor;

    CustodyAuditPages(CustodyAudits audits, CurrentActor currentActor) {
        this.audits = audits;
        this.currentActor = currentActor;
    }

    @GetMapping("/compliance/custody")
    String custody(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("checkpoints", audits.latestCheckpoints(10));
        model.addAttribute("logSize", audits.logSize());
        PageResult<CustodyAudits.Run> runs = audits.history(page, PAGE_SIZE);
        model.addAttribute("runs", runs.content());
        model.addAttribute("pager", PageLinks.of(runs));
        return "console/compliance/custody";
    }

    @PostMapping("/compliance/custody/audits")
    String start() {
        CustodyAudits.Run run = audits.start(currentActor.get());
        return "redirect:/compliance/custody/audits/" + run.id();
    }

    @GetMapping("/compliance/custody/audits/{id}")
    String audit(@PathVariable UUID id, Model model) {
        model.addAttribute("run", audits.get(id));
        return "console/compliance/audit";
    }

    /** The run's state for the progress bar ({@code data-poll} in console.js). */
    @GetMapping(path = "/compliance/custody/audits/{id}/state", produces = "application/json")
    @ResponseBody
    Map<String, Object> state(@PathVariable UUID id) {
        CustodyAudits.Run run = audits.get(id);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("done", run.checked());
        state.put("total", Math.max(run.logSize(), run.checked()));
        state.put("state", switch (run.state()) {
            case "RUNNING" -> "Running: " + run.checked() + " of " + run.logSize() + " entries checked";
            case "PASSED" -> "Passed";
            case "FAILED" -> "Failed at sequence number " + run.firstBadSeq();
            default -> "Interrupted";
        });
        state.put("finished", run.finished());
        state.put("link", run.finished() ? "/compliance/custody/audits/" + run.id() : null);
        return state;
    }

    @GetMapping("/compliance/custody/lookup")
    String lookup(@RequestParam(required = false) String seq, Model model, HttpServletResponse response) {
        String text = seq == null ? "" : seq.strip();
        if (text.matches("[0-9]{1,18}")) {
            return "redirect:/custody/entries/" + Long.parseLong(text);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("seq", seq);
        model.addAttribute("seqError", text.isEmpty() ? "Enter a sequence number, e.g. 1042."
                : "A sequence number is a whole number from 0 up, e.g. 1042.");
        return custody(0, model);
    }
}
