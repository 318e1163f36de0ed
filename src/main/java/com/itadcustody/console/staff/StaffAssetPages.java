package com.itadcustody.console.staff;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.LicenseSeats;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.console.PageLinks;
import com.itadcustody.custody.CustodyEntries;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.retirement.RetirementOverview;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.PageResult;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The asset list (filters, search, sort, pages, and a selection to retire) and an asset's page: facts, media,
 * license seats, its retirement with the task it waits at, its certificates and its custody timeline, each event
 * linked to its proof.
 */
@Controller
@PreAuthorize(StaffAccess.STAFF)
class StaffAssetPages {

    /** The sort orders offered, as {@code field,direction} for the asset module, with their names. */
    static final Map<String, String> SORTS = new java.util.LinkedHashMap<>();

    static {
        SORTS.put("tag,asc", "Asset tag (A to Z)");
        SORTS.put("tag,desc", "Asset tag (Z to A)");
        SORTS.put("serialNumber,asc", "Serial number");
        SORTS.put("type,asc", "Type");
        SORTS.put("status,asc", "Status");
        SORTS.put("updatedAt,desc", "Recently changed");
        SORTS.put("createdAt,desc", "Recently registered");
    }

    private static final int PAGE_SIZE = 50;

    private final AssetCatalog assets;
    private final LicenseSeats seats;
    private final RetirementOverview overview;
    private final Certificates certificates;
    private final CustodyEntries custody;
    private final Users users;
    private final Vendors vendors;
    private final CurrentActor currentActor;

    StaffAssetPages(AssetCatalog assets, LicenseSeats seats, RetirementOverview overview, Certificates certificates,
            CustodyEntries custody, Users users, Vendors vendors, CurrentActor currentActor) {
        this.assets = assets;
        this.seats = seats;
        this.overview = overview;
        this.certificates = certificates;
        this.custody = custody;
        this.users = users;
        this.vendors = vendors;
        this.currentActor = currentActor;
    }

    @GetMapping("/assets")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
            HttpServletResponse response) {
        Filters filters = new Filters();
        AssetStatus statusFilter = filters.choice("status", status, AssetStatus.class);
        AssetType typeFilter = filters.choice("type", type, AssetType.class);
        String text = filters.text("q", q);
        String order = sort == null || sort.isBlank() ? "tag,asc" : sort.strip();
        if (!SORTS.containsKey(order)) {
            filters.errors().put("sort", "sort must be one of the listed orders");
            order = "tag,asc";
        }
        int pageNumber = filters.page(page);
        int pageSize = filters.size(size, PAGE_SIZE);
        model.addAttribute("statuses", AssetStatus.values());
        model.addAttribute("types", AssetType.values());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", order);
        model.addAttribute("errors", filters.errors());
        model.addAttribute("maySelect", StaffAccess.mayRequestRetirements(currentActor.get()));
        if (!filters.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("assets", List.of());
            model.addAttribute("pager", PageLinks.of(PageResult.of(List.of(), 0, pageSize, 0)));
            return "console/staff/assets";
        }
        PageResult<AssetSummary> found = assets.browse(statusFilter, typeFilter, text, order, pageNumber, pageSize);
        model.addAttribute("assets", found.content());
        model.addAttribute("total", found.totalElements());
        model.addAttribute("pager", PageLinks.of(found));
        return "console/staff/assets";
    }

    /** One event of the timeline with who did it, for people. */
    record TimelineEvent(CustodyEntries.Entry entry, String actor) {
    }

    @GetMapping("/assets/{id}")
    String asset(@PathVariable UUID id, Model model) {
        Actor actor = currentActor.get();
        AssetSummary asset = assets.describe(id);
        model.addAttribute("asset", asset);
        model.addAttribute("seats", seats.activeSeatsOf(id));

        List<RetirementView> retirements = overview.ofAsset(id);
        RetirementView current = retirements.stream().filter(r -> r.status() == RetirementStatus.REQUESTED
                || r.status() == RetirementStatus.APPROVED).findFirst()
                .orElse(retirements.isEmpty() ? null : retirements.get(0));
        List<RetirementTask> tasks = current == null || (current.status() != RetirementStatus.REQUESTED
                && current.status() != RetirementStatus.APPROVED) ? List.of() : overview.openTasks(current.id());
        model.addAttribute("retirement", current);
        model.addAttribute("earlierRetirements", retirements.stream().filter(r -> r != current).toList());
        model.addAttribute("tasks", tasks);
        model.addAttribute("mayRetire", asset.status() == AssetStatus.IN_SERVICE
                && StaffAccess.mayRequestRetirements(actor));
        model.addAttribute("mayBuildEvidencePack", StaffAccess.mayBuildEvidencePacks(actor));

        PageResult<CertificateView> certs = certificates.list(id, null, null, 0, 200);
        model.addAttribute("certificates", certs.content());

        List<CustodyEntries.Entry> entries = custody.ofAsset(id);
        Map<UUID, String> names = actorNames(entries);
        model.addAttribute("timeline", entries.stream().map(e -> new TimelineEvent(e, actorName(e, names)))
                .toList());
        model.addAttribute("mediaById", asset.media().stream().collect(Collectors.toMap(AssetSummary.Medium::id,
                AssetSummary.Medium::serialNumber)));
        return "console/staff/asset";
    }

    /** Display names of the users and vendor organisations named in the entries, one lookup per distinct id. */
    private Map<UUID, String> actorNames(List<CustodyEntries.Entry> entries) {
        Set<UUID> userIds = new HashSet<>();
        boolean anyVendor = false;
        for (CustodyEntries.Entry e : entries) {
            if (e.actorId() != null) {
                userIds.add(e.actorId());
            }
            anyVendor |= e.actorOrg() != null;
        }
        Map<UUID, String> names = new HashMap<>();
        for (UUID userId : userIds) {
            users.find(userId).map(User::displayName).ifPresent(n -> names.put(userId, n));
        }
        if (anyVendor) {
            for (Vendor v : vendors.list()) {
                names.put(v.id(), v.name());
            }
        }
        return names;
    }

    static String actorName(CustodyEntries.Entry e, Map<UUID, String> names) {
        String roles = String.join(", ", e.actorRoles());
        if (e.actorId() == null) {
            return "System";
        }
        String who = names.getOrDefault(e.actorId(), "user " + e.actorId().toString().substring(0, 8));
        String org = e.actorOrg() == null ? "" : " of " + Objects.requireNonNullElse(names.get(e.actorOrg()),
                "vendor " + e.actorOrg().toString().substring(0, 8));
        return who + org + " (" + roles + ")";
    }
}
