package com.itadcustody.console.work;

import com.itadcustody.asset.AssetLookup;
import com.itadcustody.asset.AssetLookup.AssetRef;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.RetirementBatchView;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starting retirements: for one asset, a selection from the asset list, or a CSV file of assets; one asset starts
 * at once, several go through the retirement module's background batch with a progress page. And cancelling a
 * retirement before handoff. The same roles and rules as the REST API's start and cancel requests.
 */
@Controller
class RetirementPages {

    static final String REQUESTERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','ADMIN')";

    private final Retirements retirements;
    private final AssetLookup assets;
    private final Vendors vendors;
    private final CurrentActor currentActor;

    RetirementPages(Retirements retirements, AssetLookup assets, Vendors vendors, CurrentActor currentActor) {
        this.retirements = retirements;
        this.assets = assets;
        this.vendors = vendors;
        this.currentActor = currentActor;
    }

    @GetMapping("/retirements/new")
    @PreAuthorize(REQUESTERS)
    String start(@RequestParam(name = "assetId", required = false) List<UUID> assetIds, Model model) {
        StartForm form = new StartForm();
        if (assetIds != null) {
            form.setAssetId(new ArrayList<>(new LinkedHashSet<>(assetIds)));
        }
        return startPage(form, null, model);
    }

    /** The same page for a selection posted from the asset list (a long selection does not fit in an address). */
    @PostMapping(path = "/retirements/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @PreAuthorize(REQUESTERS)
    String startPosted(@RequestParam(name = "assetId", required = false) List<UUID> assetIds, Model model) {
        return start(assetIds, model);
    }

    @PostMapping(path = "/retirements", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @PreAuthorize(REQUESTERS)
    String startSelected(@ModelAttribute("form") StartForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        errors = Forms.readable(errors, model);
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(form.getAssetId()));
        form.setAssetId(ids);
        form.check(errors);
        if (ids.isEmpty()) {
            errors.reject("assets-required", "Choose at least one asset (from the asset list, or by CSV file).");
        } else if (ids.size() > Retirements.MAX_BATCH) {
            errors.reject("batch-size", "At most " + Retirements.MAX_BATCH + " assets at once.");
        }
        if (!errors.hasErrors()) {
            String target = begin(form, ids, errors, redirect);
            if (target != null) {
                return target;
            }
        }
        response.setStatus(422);
        return startPage(form, null, model);
    }

    @PostMapping(path = "/retirements/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(REQUESTERS)
    String startFromFile(@ModelAttribute("form") StartForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        errors = Forms.readable(errors, model);
        form.setAssetId(new ArrayList<>());
        form.check(errors);
        MultipartFile file = form.getFile();
        AssetListCsv.Result read = null;
        if (file == null || file.isEmpty()) {
            errors.rejectValue("file", "required", "Choose the CSV file of assets.");
        } else if (file.getSize() > AssetListCsv.MAX_BYTES) {
            errors.rejectValue("file", "file-too-large", "The file is larger than 2 MB; split it.");
        } else {
            read = AssetListCsv.read(file.getBytes(), assets);
            if (read.refusal() != null) {
                errors.rejectValue("file", "file-refused", read.refusal() + " Nothing was started.");
            } else if (!read.problems().isEmpty()) {
                errors.rejectValue("file", "rows-refused", read.problems().size() + " of " + read.rows()
                        + " rows cannot be retired (listed below); nothing was started. Correct the file and"
                        + " upload it again.");
            }
        }
        if (!errors.hasErrors() && read != null && read.accepted()) {
            List<UUID> ids = read.assets().stream().map(AssetRef::id).toList();
            String target = begin(form, ids, errors, redirect);
            if (target != null) {
                return target;
            }
        }
        response.setStatus(422);
        return startPage(form, read, model);
    }

    /** Starts one retirement at once, or a batch; null when a rule refused it (marked on the form). */
    private String begin(StartForm form, List<UUID> ids, BindingResult errors, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            if (ids.size() == 1) {
                UUID assetId = ids.get(0);
                RetirementView started = retirements.request(assetId, form.strippedReason(),
                        form.getConfidentiality(), form.getDestination(), form.getSanitizationVendorId(), actor);
                redirect.addFlashAttribute("notice", "Retirement requested; an asset manager other than you"
                        + " approves it next. Retirement " + started.id() + ".");
                return "redirect:/assets/" + assetId;
            }
            RetirementBatchView batch = retirements.startBatch(ids, form.strippedReason(),
                    form.getConfidentiality(), form.getDestination(), form.getSanitizationVendorId(), actor);
            redirect.addFlashAttribute("notice", "Starting the retirement of " + batch.total() + " assets.");
            return "redirect:/retirements/batches/" + batch.id();
        } catch (DomainRuleViolated refused) {
            String field = refused.field();
            Forms.reject(errors, refused, "assetIds".equals(field) || "assetId".equals(field) ? null : field);
            return null;
        } catch (NotFound unknown) {
            errors.reject("asset-known", "The asset does not exist (any more); choose it again from the asset list.");
            return null;
        }
    }

    private String startPage(StartForm form, AssetListCsv.Result read, Model model) {
        List<UUID> ids = form.getAssetId();
        Map<UUID, AssetRef> found = assets.byIds(ids.size() > AssetLookup.MAX_KEYS ? ids.subList(0,
                AssetLookup.MAX_KEYS) : ids).stream().collect(Collectors.toMap(AssetRef::id, Function.identity()));
        List<Selected> selected = ids.stream().map(id -> new Selected(id, found.get(id))).toList();
        model.addAttribute("form", form);
        model.addAttribute("selected", selected);
        model.addAttribute("notInService", selected.stream().filter(s -> !s.retirable()).count());
        model.addAttribute("csv", read);
        model.addAttribute("confidentialities", DataConfidentiality.values());
        model.addAttribute("destinations", AssetDestination.values());
        model.addAttribute("vendors", vendors.list().stream().sorted(Comparator.comparing(Vendor::name)).toList());
        model.addAttribute("columns", AssetListCsv.COLUMNS);
        return "console/work/retirement-new";
    }

    /**
     * One selected asset as the start page lists it.
     *
     * @param id the id given
     * @param asset the asset, or null when there is none with that id
     */
    record Selected(UUID id, AssetRef asset) {

        /** Whether the asset exists and is in service (only such assets can be retired). */
        public boolean retirable() {
            return asset != null && asset.status() == AssetStatus.IN_SERVICE;
        }
    }

    @GetMapping("/retirements/batches/{id}")
    @PreAuthorize(REQUESTERS)
    String batch(@PathVariable UUID id, Model model) {
        RetirementBatchView batch = retirements.batch(id, currentActor.get());
        Map<UUID, AssetRef> refused = new LinkedHashMap<>();
        if (!batch.refusals().isEmpty()) {
            assets.byIds(batch.refusals().stream().map(RetirementBatchView.Refusal::assetId).distinct().toList())
                    .forEach(a -> refused.put(a.id(), a));
        }
        model.addAttribute("batch", batch);
        model.addAttribute("state", BatchState.of(batch));
        model.addAttribute("refusedAssets", refused);
        return "console/work/batch";
    }

    @GetMapping(path = "/retirements/batches/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(REQUESTERS)
    @ResponseBody
    BatchState batchState(@PathVariable UUID id) {
        return BatchState.of(retirements.batch(id, currentActor.get()));
    }

    /**
     * A batch's progress as the console's progress bars poll it.
     *
     * @param done how many assets were handled
     * @param total how many assets the batch has
     * @param state the progress in words
     * @param finished whether every asset was handled
     * @param link the page with the result once finished, else null
     */
    record BatchState(int done, int total, String state, boolean finished, String link) {

        static BatchState of(RetirementBatchView batch) {
            String counts = batch.started() + " started, " + batch.refused() + " refused";
            return new BatchState(batch.processed(), batch.total(), batch.done()
                    ? "Finished: " + counts + " of " + batch.total() + "."
                    : batch.processed() + " of " + batch.total() + " handled (" + counts + ")…",
                    batch.done(), batch.done() ? "/retirements/batches/" + batch.id() : null);
        }
    }

    @GetMapping("/retirements/{id}/cancellation")
    @PreAuthorize(REQUESTERS)
    String cancellation(@PathVariable UUID id, Model model) {
        return cancelPage(id, new CancelForm(), model);
    }

    @PostMapping("/retirements/{id}/cancellation")
    @PreAuthorize(REQUESTERS)
    String cancel(@PathVariable UUID id, @ModelAttribute("form") CancelForm form, BindingResult errors, Model model,
            @RequestParam(name = "from", required = false) String from, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (form.getReason() == null || form.getReason().isBlank()) {
            errors.rejectValue("reason", "required", "Say why the retirement is cancelled.");
        } else if (form.getReason().length() > 2000) {
            errors.rejectValue("reason", "max-length", "At most 2,000 characters.");
        }
        if (!errors.hasErrors()) {
            try {
                RetirementView cancelled = retirements.cancel(id, form.getReason(), currentActor.get());
                redirect.addFlashAttribute("notice", "Retirement cancelled; the asset is back in service and the"
                        + " history stays in its custody log.");
                return "tasks".equals(from) ? "redirect:/tasks" : "redirect:/assets/" + cancelled.assetId();
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, refused.field());
                response.setStatus(refused.status().value());
                return cancelPage(id, form, model);
            }
        }
        response.setStatus(422);
        return cancelPage(id, form, model);
    }

    private String cancelPage(UUID id, CancelForm form, Model model) {
        RetirementView retirement = retirements.get(id);
        model.addAttribute("retirement", retirement);
        model.addAttribute("asset", assets.byIds(List.of(retirement.assetId())).stream().findFirst().orElse(null));
        model.addAttribute("cancellable", retirement.status() == RetirementStatus.REQUESTED
                || retirement.status() == RetirementStatus.APPROVED);
        model.addAttribute("form", form);
        return "console/work/cancel";
    }

    /** Why a retirement is cancelled. */
    public static class CancelForm {

        private String reason;

        /** Why it is cancelled. */
        public String getReason() { return reason; }
        /** Sets why it is cancelled. */
        public void setReason(String reason) { this.reason = reason; }
    }
}
