package com.itadcustody.console.staff;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.console.PageLinks;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementOverview;
import com.itadcustody.retirement.RetirementOverview.LotLine;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * Lots: the list (status and vendor filters, pages), a lot's page (manifest snapshot, sign-off, pickup,
 * reconciliation, discrepancies and the task it waits at) and a new lot for IT staff, checked as
 * {@code POST /api/v1/lots} checks it, each error next to its field.
 */
@Controller
@PreAuthorize(StaffAccess.STAFF)
class StaffLotPages {

    /** At most this many assets in one lot (as the REST API). */
    static final int MAX_ITEMS = 10_000;
    /** The longest seal number (as the REST API). */
    static final int MAX_SEAL = 100;
    /** Lots per page of the list; retirements per page of the new lot's form; manifest lines per page. */
    static final int PAGE_SIZE = 50;
    static final int READY_PAGE_SIZE = 100;
    static final int MANIFEST_PAGE_SIZE = 200;

    private final RetirementOverview overview;
    private final Lots lots;
    private final Vendors vendors;
    private final AssetCatalog assets;
    private final CurrentActor currentActor;

    StaffLotPages(RetirementOverview overview, Lots lots, Vendors vendors, AssetCatalog assets,
            CurrentActor currentActor) {
        this.overview = overview;
        this.lots = lots;
        this.vendors = vendors;
        this.assets = assets;
        this.currentActor = currentActor;
    }

    /** A lot in the list, with its vendor's name. */
    record LotRow(LotLine lot, String vendor) {
    }

    @GetMapping("/lots")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String vendor,
            @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        Filters filters = new Filters();
        String statusFilter = filters.oneOf("status", status, RetirementOverview.LOT_STATUSES);
        UUID vendorFilter = filters.id("vendor", vendor);
        int pageNumber = filters.page(page);
        List<Vendor> allVendors = vendors.list();
        Map<UUID, String> names = allVendors.stream().collect(Collectors.toMap(Vendor::id, Vendor::name));
        model.addAttribute("statuses", RetirementOverview.LOT_STATUSES);
        model.addAttribute("vendors", allVendors);
        model.addAttribute("status", status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("vendor", vendor == null ? "" : vendor.strip());
        model.addAttribute("errors", filters.errors());
        model.addAttribute("mayCreate", currentActor.get().has(com.itadcustody.shared.Role.IT_STAFF));
        PageResult<LotLine> found = filters.ok()
                ? overview.lots(statusFilter, vendorFilter, pageNumber, PAGE_SIZE)
                : PageResult.of(List.of(), 0, PAGE_SIZE, 0);
        if (!filters.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("lots", found.content().stream()
                .map(l -> new LotRow(l, names.getOrDefault(l.vendorId(), l.vendorId().toString()))).toList());
        model.addAttribute("total", found.totalElements());
        model.addAttribute("pager", PageLinks.of(found));
        return "console/staff/lots";
    }

    @GetMapping("/lots/{id}")
    String lot(@PathVariable UUID id, @RequestParam(required = false) String page, Model model) {
        LotView lot = lots.get(id, currentActor.get());
        model.addAttribute("lot", lot);
        model.addAttribute("vendor", vendors.find(lot.vendorId()).map(Vendor::name).orElse(lot.vendorId()
                .toString()));
        model.addAttribute("tasks", overview.openLotTasks(id));
        int pageNumber = new Filters().page(page);
        int from = Math.min(lot.items().size(), pageNumber * MANIFEST_PAGE_SIZE);
        List<LotView.Item> shown = lot.items().subList(from, Math.min(lot.items().size(), from + MANIFEST_PAGE_SIZE));
        model.addAttribute("items", shown);
        model.addAttribute("pager", PageLinks.of(PageResult.of(shown, pageNumber, MANIFEST_PAGE_SIZE,
                lot.items().size())));
        long received = lot.items().stream().filter(i -> "RECEIVED".equals(i.outcome())).count();
        long lost = lot.items().stream().filter(i -> "LOST_IN_TRANSIT".equals(i.outcome())).count();
        long missing = lot.discrepancies().stream().filter(d -> "MISSING".equals(d.kind())).count();
        long unexpected = lot.discrepancies().stream().filter(d -> "UNEXPECTED".equals(d.kind())).count();
        long open = lot.discrepancies().stream().filter(d -> d.resolution() == null).count();
        model.addAttribute("received", received);
        model.addAttribute("lost", lost);
        model.addAttribute("missing", missing);
        model.addAttribute("unexpected", unexpected);
        model.addAttribute("openDiscrepancies", open);
        model.addAttribute("reconciled", List.of("RECEIVED", "RELEASED").contains(lot.status()));
        model.addAttribute("steps", RetirementOverview.LOT_STATUSES);
        return "console/staff/lot";
    }

    /** The new lot's form: a vendor, the retirements to hand over with their seals, the carrier and the pickup. */
    public static class NewLotForm {

        private String vendorId;
        @NotBlank(message = "enter the carrier")
        @Size(max = 200, message = "at most 200 characters")
        private String carrier;
        @Size(max = 100, message = "at most 100 characters")
        private String trackingNumber;
        @NotBlank(message = "enter who hands the lot over, and where")
        @Size(max = 200, message = "at most 200 characters")
        private String pickupContact;
        private List<String> retirementIds = new ArrayList<>();
        private Map<String, String> seals = new HashMap<>();

        public String getVendorId() {
            return vendorId;
        }

        public void setVendorId(String vendorId) {
            this.vendorId = vendorId;
        }

        public String getCarrier() {
            return carrier;
        }

        public void setCarrier(String carrier) {
            this.carrier = carrier;
        }

        public String getTrackingNumber() {
            return trackingNumber;
        }

        public void setTrackingNumber(String trackingNumber) {
            this.trackingNumber = trackingNumber;
        }

        public String getPickupContact() {
            return pickupContact;
        }

        public void setPickupContact(String pickupContact) {
            this.pickupContact = pickupContact;
        }

        public List<String> getRetirementIds() {
            return retirementIds;
        }

        public void setRetirementIds(List<String> retirementIds) {
            this.retirementIds = retirementIds == null ? new ArrayList<>() : retirementIds;
        }

        public Map<String, String> getSeals() {
            return seals;
        }

        public void setSeals(Map<String, String> seals) {
            this.seals = seals == null ? new HashMap<>() : seals;
        }
    }

    /** A retirement the new lot may take, with its asset. */
    record ReadyRow(RetirementView retirement, AssetSummary asset) {
    }

    @GetMapping("/lots/new")
    @PreAuthorize(StaffAccess.LOT_MAKERS)
    String newLot(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("form", new NewLotForm());
        return newLotPage(new Filters().page(page), model);
    }

    @PostMapping("/lots/new")
    @PreAuthorize(StaffAccess.LOT_MAKERS)
    String createLot(@Valid @ModelAttribute("form") NewLotForm form, BindingResult result,
            @RequestParam(required = false) String page, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID vendorId = null;
        if (form.getVendorId() == null || form.getVendorId().isBlank()) {
            result.rejectValue("vendorId", "required", "choose the vendor that takes the lot");
        } else {
            try {
                vendorId = UUID.fromString(form.getVendorId().strip());
            } catch (IllegalArgumentException e) {
                result.rejectValue("vendorId", "unknown-vendor", "choose a vendor from the list");
            }
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : form.getRetirementIds()) {
            try {
                ids.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                result.rejectValue("retirementIds", "invalid", "a ticked retirement is not an id: reload the page");
                break;
            }
        }
        if (ids.isEmpty() && !result.hasFieldErrors("retirementIds")) {
            result.rejectValue("retirementIds", "size", "tick at least one retirement for the lot");
        } else if (ids.size() > MAX_ITEMS) {
            result.rejectValue("retirementIds", "size", "at most " + MAX_ITEMS + " assets in one lot");
        }
        for (Map.Entry<String, String> seal : form.getSeals().entrySet()) {
            if (seal.getValue() != null && seal.getValue().strip().length() > MAX_SEAL && ids.stream()
                    .anyMatch(id -> id.toString().equals(seal.getKey()))) {
                result.rejectValue("seals", "size", "a seal number is at most " + MAX_SEAL + " characters");
                break;
            }
        }
        if (!result.hasErrors()) {
            List<Lots.NewItem> items = ids.stream().map(id -> new Lots.NewItem(id, form.getSeals().get(id
                    .toString()))).toList();
            try {
                LotView lot = lots.create(vendorId, items, form.getCarrier(), form.getTrackingNumber(),
                        form.getPickupContact(), currentActor.get());
                redirect.addFlashAttribute("notice", "Lot made with " + lot.items().size() + " assets. Sign off its"
                        + " manifest in the task inbox to release it to the vendor.");
                return "redirect:/lots/" + lot.id();
            } catch (NotFound unknown) {
                result.rejectValue(unknown.getMessage().startsWith("vendor") ? "vendorId" : "retirementIds",
                        "not-found", unknown.getMessage().startsWith("vendor")
                                ? "this vendor does not exist (any more): choose another"
                                : "a ticked retirement does not exist: reload the page");
            } catch (DomainRuleViolated refused) {
                String field = "items".equals(refused.field()) ? "retirementIds"
                        : refused.field() != null && List.of("vendorId", "carrier", "trackingNumber",
                                "pickupContact").contains(refused.field()) ? refused.field() : null;
                if (field == null) {
                    result.reject(refused.rule(), refused.getMessage());
                } else {
                    result.rejectValue(field, refused.rule(), refused.getMessage());
                }
            }
        }
        response.setStatus(422);
        return newLotPage(new Filters().page(page), model);
    }

    private String newLotPage(int page, Model model) {
        PageResult<RetirementView> ready = overview.readyForHandoff(page, READY_PAGE_SIZE);
        Map<UUID, AssetSummary> labels = assets.labels(ready.content().stream().map(RetirementView::assetId)
                .toList());
        model.addAttribute("ready", ready.content().stream().map(r -> new ReadyRow(r, labels.get(r.assetId())))
                .toList());
        model.addAttribute("readyTotal", ready.totalElements());
        model.addAttribute("readyCap", RetirementOverview.READY_COUNT_CAP);
        model.addAttribute("pager", PageLinks.of(ready));
        model.addAttribute("vendors", vendors.list());
        return "console/staff/lot-new";
    }
}
