package com.itadcustody.partner.portal;

import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import java.util.List;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A lot's page (manifest, receipt, discrepancies, each asset's state), the pickup confirmation and the receipt:
 * serials scanned or typed one by one or pasted, counted against the manifest, then submitted. Another vendor's lot
 * is 404, as the retirement module answers.
 */
@Controller
class LotPages {

    /** At most this many serials in one receipt (as the REST API). */
    static final int MAX_SERIALS = 10_000;
    /** At most this long one serial (as the REST API). */
    static final int MAX_SERIAL_LENGTH = 200;

    private final Lots lots;
    private final Retirements retirements;
    private final CurrentActor currentActor;

    LotPages(Lots lots, Retirements retirements, CurrentActor currentActor) {
        this.lots = lots;
        this.retirements = retirements;
        this.currentActor = currentActor;
    }

    /** One asset of the lot with where its retirement stands. */
    record ItemRow(LotView.Item item, String retirementStatus, String openStep) {
    }

    @GetMapping("/portal/lots/{id}")
    String lot(@PathVariable UUID id, Model model) {
        LotView lot = lots.get(id, currentActor.get());
        model.addAttribute("lot", lot);
        model.addAttribute("items", lot.items().stream().map(item -> {
            RetirementView retirement = retirements.get(item.retirementId());
            return new ItemRow(item, retirement.status().name(), retirement.openTask());
        }).toList());
        model.addAttribute("openDiscrepancies", lot.discrepancies().stream().filter(d -> d.resolution() == null)
                .count());
        return "portal/lot";
    }

    @PostMapping("/portal/lots/{id}/pickup")
    String pickup(@PathVariable UUID id, RedirectAttributes redirect) {
        LotView lot = lots.confirmPickup(id, currentActor.get());
        redirect.addFlashAttribute("notice", "Pickup confirmed: " + lot.items().size() + " assets are now in your"
                + " custody.");
        return "redirect:/portal/lots/" + id;
    }

    @GetMapping("/portal/lots/{id}/receipt")
    String receipt(@PathVariable UUID id, Model model) {
        LotView lot = lots.get(id, currentActor.get());
        return receiptPage(lot, "", null, model);
    }

    @PostMapping("/portal/lots/{id}/receipt")
    String reconcile(@PathVariable UUID id, @RequestParam(name = "serials", defaultValue = "") String serials,
            @RequestParam(name = "action", defaultValue = "submit") String action, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = currentActor.get();
        LotView lot = lots.get(id, actor);
        ReceiptCount count = ReceiptCount.of(serials, manifest(lot));
        String error = null;
        if (count.received().size() > MAX_SERIALS) {
            error = "At most " + MAX_SERIALS + " serials in one receipt; this list has " + count.received().size()
                    + ".";
        } else if (count.received().stream().anyMatch(s -> s.length() > MAX_SERIAL_LENGTH)) {
            error = "A serial is at most " + MAX_SERIAL_LENGTH + " characters long; check the list for a line that"
                    + " runs two serials together.";
        } else if (count.received().isEmpty() && !"submit-empty".equals(action)) {
            error = "Scan, type or paste the serials you received. If nothing of this lot arrived, confirm that"
                    + " with the button below.";
        }
        if (error != null || "check".equals(action)) {
            if (error != null) {
                model.addAttribute("serialsError", error);
                response.setStatus(422);
            }
            return receiptPage(lot, serials, error == null ? count : null, model);
        }
        LotView received = lots.reconcileReceipt(id, count.received(), actor);
        long open = received.discrepancies().stream().filter(d -> d.resolution() == null).count();
        redirect.addFlashAttribute("notice", open == 0
                ? "Receipt recorded: every serial on the manifest arrived."
                : "Receipt recorded with " + open + " discrepanc" + (open == 1 ? "y" : "ies")
                        + "; the client's IT staff resolve them (see below).");
        return "redirect:/portal/lots/" + id;
    }

    private String receiptPage(LotView lot, String serials, ReceiptCount count, Model model) {
        model.addAttribute("lot", lot);
        model.addAttribute("manifest", manifest(lot));
        model.addAttribute("serials", serials);
        model.addAttribute("count", count);
        model.addAttribute("receiptOpen", "Task_ReconcileReceipt".equals(lot.openTask()));
        return "portal/receipt";
    }

    private static List<String> manifest(LotView lot) {
        return lot.items().stream().map(LotView.Item::assetSerial).toList();
    }
}
