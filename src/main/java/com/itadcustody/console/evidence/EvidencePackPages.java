package com.itadcustody.console.evidence;

import com.itadcustody.compliance.EvidencePackFile;
import com.itadcustody.compliance.EvidencePackView;
import com.itadcustody.compliance.EvidencePacks;
import com.itadcustody.console.PageLinks;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Evidence packs for compliance officers and administrators: the list with the request forms (one asset by tag or
 * id, a lot, or a period), a prefilled request page other pages link to ({@code /new?assetId=} or {@code ?lotId=}),
 * each pack's page with a progress bar (polled as JSON by {@code console.js}, or reloaded by hand) and the download.
 */
@Controller
@PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
class EvidencePackPages {

    /** Packs per list page. */
    static final int PAGE_SIZE = 20;

    private final EvidencePacks packs;
    private final CurrentActor currentActor;

    EvidencePackPages(EvidencePacks packs, CurrentActor currentActor) {
        this.packs = packs;
        this.currentActor = currentActor;
    }

    @GetMapping("/compliance/evidence-packs")
    String list(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        PageResult<EvidencePackView> result = packs.list(Math.max(0, page), PAGE_SIZE, currentActor.get());
        model.addAttribute("packs", result.content());
        model.addAttribute("pager", PageLinks.of(result));
        model.addAttribute("form", new EvidencePackForm());
        return "console/evidence/list";
    }

    @GetMapping("/compliance/evidence-packs/new")
    String newPack(@RequestParam(name = "assetId", required = false) String assetId,
            @RequestParam(name = "lotId", required = false) String lotId, Model model) {
        EvidencePackForm form = new EvidencePackForm();
        if (lotId != null && !lotId.isBlank()) {
            form.setScope("LOT");
            form.setLotId(lotId.strip());
        } else if (assetId != null) {
            form.setAssetId(assetId.strip());
        }
        model.addAttribute("form", form);
        return "console/evidence/new";
    }

    @PostMapping("/compliance/evidence-packs")
    String request(@ModelAttribute("form") EvidencePackForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.get();
        EvidencePackView pack = null;
        try {
            switch (form.getScope() == null ? "" : form.getScope()) {
                case "LOT" -> pack = packs.requestForLot(form.getLotId(), actor);
                case "PERIOD" -> {
                    LocalDate from = date(form.getFrom(), "from", "first", errors);
                    LocalDate to = date(form.getTo(), "to", "last", errors);
                    if (!errors.hasErrors()) {
                        pack = packs.requestForPeriod(from, to, actor);
                    }
                }
                default -> {
                    form.setScope("ASSET");
                    pack = packs.requestForAsset(form.getAssetId(), actor);
                }
            }
        } catch (DomainRuleViolated refused) {
            if (refused.field() == null || refused.status().value() != 422) {
                throw refused;
            }
            errors.rejectValue(refused.field(), refused.rule(), capitalised(refused.getMessage()) + ".");
        }
        if (pack == null) {
            response.setStatus(422);
            return "console/evidence/new";
        }
        return "redirect:/compliance/evidence-packs/" + pack.id();
    }

    @GetMapping("/compliance/evidence-packs/{id}")
    String pack(@PathVariable UUID id, Model model) {
        EvidencePackView pack = packs.get(id, currentActor.get());
        model.addAttribute("pack", pack);
        model.addAttribute("stateText", stateText(pack));
        return "console/evidence/pack";
    }

    @GetMapping(path = "/compliance/evidence-packs/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> state(@PathVariable UUID id) {
        EvidencePackView pack = packs.get(id, currentActor.get());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("done", pack.done());
        state.put("total", pack.total());
        state.put("state", stateText(pack));
        state.put("finished", pack.finished());
        state.put("link", pack.state() == EvidencePackView.State.DONE
                ? "/compliance/evidence-packs/" + id + "/download" : null);
        return state;
    }

    @GetMapping("/compliance/evidence-packs/{id}/download")
    ResponseEntity<Resource> download(@PathVariable UUID id) {
        EvidencePackFile file = packs.file(id, currentActor.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .header("X-Content-SHA256", file.sha256())
                .body(new FileSystemResource(file.path()));
    }

    /** The pack's state in words, as the page and the polling script show it. */
    static String stateText(EvidencePackView pack) {
        return switch (pack.state()) {
            case QUEUED -> "Waiting to start";
            case RUNNING -> "Building: " + pack.done() + " of " + pack.total() + " steps done";
            case DONE -> "Ready to download";
            case FAILED -> "Failed: " + pack.error();
        };
    }

    private static LocalDate date(String text, String field, String which, BindingResult errors) {
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "required", "Enter the period's " + which + " day.");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "date", "Enter a date like 2026-01-31.");
            return null;
        }
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
