package com.itadcustody.retirement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetLifecycle;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.retirement.internal.LotStore;
import com.itadcustody.retirement.internal.RetirementRequests;
import com.itadcustody.retirement.process.LotProcess;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import com.itadcustody.vendor.Vendors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retirement module's API for lots: a lot groups retired assets for one vendor pickup; IT staff sign off its
 * manifest, the vendor's certification must be valid that day, the vendor confirms the pickup and reconciles the
 * receipt serial by serial, IT staff resolve discrepancies (a missing asset may be lost in transit), and each
 * received asset's retirement continues with the vendor. Vendors see only their own lots (404 otherwise).
 */
@Service
public class Lots {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final LotStore lots;
    private final LotProcess process;
    private final RetirementRequests requests;
    private final AssetLifecycle lifecycle;
    private final AssetCatalog assets;
    private final CustodyLog custody;
    private final Vendors vendors;
    private final ApplicationEventPublisher events;

    Lots(LotStore lots, LotProcess process, RetirementRequests requests, AssetLifecycle lifecycle, AssetCatalog assets,
            CustodyLog custody, Vendors vendors, ApplicationEventPublisher events) {
        this.events = events;
        this.lots = lots;
        this.process = process;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.assets = assets;
        this.custody = custody;
        this.vendors = vendors;
    }

    /** One asset to put in a lot, with the seal number of its container, if sealed. */
    public record NewItem(UUID retirementId, String sealNumber) {
    }

    /**
     * Makes a lot of retired assets whose media are all sanitized, verified and certified (409
     * {@code not-ready-for-handoff} otherwise) for one vendor, and starts its handoff.
     */
    @Transactional
    public LotView create(UUID vendorId, List<NewItem> items, String carrier, String trackingNumber,
            String pickupContact, Actor actor) {
        requireRole(actor, Role.IT_STAFF, "make lots");
        vendors.find(vendorId).orElseThrow(() -> new NotFound("vendor", vendorId));
        Set<UUID> seen = new HashSet<>();
        for (NewItem item : items) {
            if (!seen.add(item.retirementId())) {
                throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "unique", "items",
                        "retirement " + item.retirementId() + " is listed twice");
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        lots.insert(id, vendorId, carrier.strip(), blank(trackingNumber) ? null : trackingNumber.strip(),
                pickupContact.strip(), actor.userId(), now);
        for (NewItem item : items) {
            RetirementView retirement = requests.lock(item.retirementId())
                    .orElseThrow(() -> new NotFound("retirement", item.retirementId()));
            if (retirement.status() != RetirementStatus.APPROVED || !requests.readyForHandoff(item.retirementId())) {
                throw DomainRuleViolated.conflict("not-ready-for-handoff", "items", "retirement "
                        + item.retirementId() + " is not ready for a handoff (every medium must be sanitized,"
                        + " verified and certified)");
            }
            if (lots.lotOf(item.retirementId()).isPresent()) {
                throw DomainRuleViolated.conflict("already-in-a-lot", "items",
                        "retirement " + item.retirementId() + " is in another lot");
            }
            AssetSummary asset = assets.describe(retirement.assetId());
            lots.addItem(id, item.retirementId(), asset.id(), asset.serialNumber() == null ? asset.tag()
                    : asset.serialNumber(), asset.tag(), blank(item.sealNumber()) ? null : item.sealNumber().strip());
            if (asset.status() == AssetStatus.RETIREMENT_APPROVED) {
                lifecycle.transition(asset.id(), AssetStatus.SANITIZED, actor, "every medium certified");
            }
            custody.append(WorkflowEvents.of(asset, "LOT_ASSIGNED", actor, Map.of("lotId", id.toString(), "vendorId",
                    vendorId.toString())));
        }
        process.start(id, vendorId);
        return get(id, actor);
    }

    /** IT staff sign off the manifest: its SHA-256 goes into every asset's custody chain. */
    @Transactional
    public LotView signOff(UUID lotId, Actor actor) {
        requireRole(actor, Role.IT_STAFF, "sign off manifests");
        LotView lot = lots.lock(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        String task = step(lotId, LotProcess.SIGN_OFF);
        String sha = Sha256.hex(manifest(lot));
        lots.signOff(lotId, sha, actor.userId(), now());
        for (LotView.Item item : lot.items()) {
            custody.append(WorkflowEvents.of(assets.describe(item.assetId()), "MANIFEST_SIGNED", actor,
                    Map.of("lotId", lotId.toString(), "manifestSha256", sha)));
        }
        process.complete(task, actor.userId());
        announceIfReadyForPickup(lotId);
        return get(lotId, actor);
    }

    /** IT staff retry a handoff that was blocked for want of a valid vendor certification. */
    @Transactional
    public LotView retryHandoff(UUID lotId, Actor actor) {
        requireRole(actor, Role.IT_STAFF, "retry handoffs");
        lots.lock(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        process.complete(step(lotId, LotProcess.BLOCKED), actor.userId());
        announceIfReadyForPickup(lotId);
        return get(lotId, actor);
    }

    /** Publishes {@link LotReadyForPickup} when the certification check let the lot on to the vendor's pickup. */
    private void announceIfReadyForPickup(UUID lotId) {
        if (process.waitingTask(lotId, LotProcess.PICKUP).isPresent()) {
            LotView lot = lots.find(lotId).orElseThrow();
            events.publishEvent(new LotReadyForPickup(lotId, lot.vendorId(), lot.items().size(), lot.carrier(),
                    lot.trackingNumber(), lot.pickupContact(), lot.manifestSha256(), now()));
        }
    }

    /** The lot's vendor confirms the pickup: every asset is released to the vendor. */
    @Transactional
    public LotView confirmPickup(UUID lotId, Actor actor) {
        LotView lot = vendorsLot(lotId, actor);
        String task = step(lotId, LotProcess.PICKUP);
        lots.mark(lotId, "PICKED_UP", "picked_up_by", "picked_up_at", actor.userId(), now());
        for (LotView.Item item : lot.items()) {
            AssetSummary asset = assets.describe(item.assetId());
            lifecycle.transition(asset.id(), AssetStatus.RELEASED_TO_VENDOR, actor, "picked up in lot " + lotId);
            custody.append(WorkflowEvents.of(asset, "PICKED_UP", actor, Map.of("lotId", lotId.toString())));
        }
        process.complete(task, actor.userId());
        return get(lotId, actor);
    }

    /**
     * The lot's vendor lists the serials it received: each manifest serial received is matched, the others are
     * missing, and serials not on the manifest are unexpected; both open discrepancies.
     */
    @Transactional
    public LotView reconcileReceipt(UUID lotId, List<String> serials, Actor actor) {
        LotView lot = vendorsLot(lotId, actor);
        String task = step(lotId, LotProcess.RECEIPT);
        Set<String> received = new HashSet<>();
        serials.stream().map(Lots::normal).filter(s -> !s.isEmpty()).forEach(received::add);
        Set<String> onManifest = new HashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (LotView.Item item : lot.items()) {
            String serial = normal(item.assetSerial());
            onManifest.add(serial);
            AssetSummary asset = assets.describe(item.assetId());
            if (received.contains(serial)) {
                lots.outcome(lotId, item.retirementId(), "RECEIVED");
                custody.append(WorkflowEvents.of(asset, "RECEIVED", actor, Map.of("lotId", lotId.toString())));
            } else {
                lots.discrepancy(lotId, "MISSING", item.assetSerial());
                missing.add(item.assetSerial());
                custody.append(WorkflowEvents.of(asset, "RECEIPT_DISCREPANCY", actor, Map.of("lotId", lotId.toString(),
                        "kind", "MISSING")));
            }
        }
        for (String serial : received) {
            if (!onManifest.contains(serial)) {
                lots.discrepancy(lotId, "UNEXPECTED", serial);
                unexpected.add(serial);
            }
        }
        lots.mark(lotId, "RECEIVED", "received_by", "received_at", actor.userId(), now());
        process.complete(task, actor.userId());
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            unexpected.sort(null);
            events.publishEvent(new ReceiptDiscrepancyFound(lotId, lot.vendorId(), missing, unexpected, now()));
        }
        return get(lotId, actor);
    }

    /** How IT staff resolve one discrepancy. */
    public record Resolution(String serial, String resolution) {
    }

    /**
     * IT staff resolve every open discrepancy: a missing serial was FOUND (received after all) or is
     * LOST_IN_TRANSIT (the asset becomes LOST, an incident is recorded and its retirement ends); an unexpected one
     * is RETURNED_TO_SENDER. Every open discrepancy must be resolved at once (400 otherwise).
     */
    @Transactional
    public LotView resolveDiscrepancies(UUID lotId, List<Resolution> resolutions, Actor actor) {
        requireRole(actor, Role.IT_STAFF, "resolve discrepancies");
        LotView lot = lots.lock(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        String task = step(lotId, LotProcess.RESOLVE);
        Map<String, String> bySerial = new LinkedHashMap<>();
        resolutions.forEach(r -> bySerial.put(normal(r.serial()), r.resolution()));
        List<String> unresolved = new ArrayList<>();
        Instant now = now();
        for (LotView.Discrepancy d : lot.discrepancies()) {
            if (d.resolution() != null) {
                continue;
            }
            String resolution = bySerial.get(normal(d.serial()));
            boolean fits = resolution != null && (d.kind().equals("MISSING")
                    ? resolution.equals("FOUND") || resolution.equals("LOST_IN_TRANSIT")
                    : resolution.equals("RETURNED_TO_SENDER"));
            if (!fits) {
                unresolved.add(d.serial() + " (" + d.kind().toLowerCase(Locale.ROOT) + ")");
                continue;
            }
            lots.resolve(lotId, d.kind(), d.serial(), resolution, actor.userId(), now);
            if (d.kind().equals("MISSING")) {
                LotView.Item item = lot.items().stream().filter(i -> i.assetSerial().equals(d.serial())).findFirst()
                        .orElseThrow();
                AssetSummary asset = assets.describe(item.assetId());
                if (resolution.equals("FOUND")) {
                    lots.outcome(lotId, item.retirementId(), "RECEIVED");
                    custody.append(WorkflowEvents.of(asset, "RECEIVED", actor, Map.of("lotId", lotId.toString(),
                            "afterDiscrepancy", true)));
                } else {
                    lots.outcome(lotId, item.retirementId(), "LOST_IN_TRANSIT");
                    lifecycle.transition(asset.id(), AssetStatus.LOST, actor, "lost in transit in lot " + lotId);
                    requests.markLost(item.retirementId(), actor.userId(), now, "lost in transit in lot " + lotId);
                    custody.append(WorkflowEvents.of(asset, "LOST_IN_TRANSIT", actor, Map.of("lotId", lotId.toString(),
                            "incident", true)));
                    process.lostInTransit(item.retirementId());
                }
            }
        }
        if (!unresolved.isEmpty()) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "resolve-every-discrepancy", "resolutions",
                    "resolve every open discrepancy (missing: FOUND or LOST_IN_TRANSIT; unexpected:"
                            + " RETURNED_TO_SENDER); still open: " + String.join(", ", unresolved));
        }
        process.complete(task, actor.userId());
        return get(lotId, actor);
    }

    /** Lets every received asset of the lot continue its retirement with the vendor (idempotent). */
    @Transactional
    public void release(UUID lotId) {
        LotView lot = lots.lock(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        for (LotView.Item item : lot.items()) {
            if ("RECEIVED".equals(item.outcome())) {
                AssetSummary asset = assets.describe(item.assetId());
                if (asset.status() == AssetStatus.RELEASED_TO_VENDOR) {
                    lifecycle.transition(asset.id(), AssetStatus.RECEIVED_BY_VENDOR, Actor.system(),
                            "received in lot " + lotId);
                }
                requests.setVendor(item.retirementId(), lot.vendorId());
                process.lotReceived(item.retirementId(), lot.vendorId());
            }
        }
        lots.status(lotId, "RELEASED");
    }

    /** The lot; a vendor sees only its own lots (404 otherwise). */
    @Transactional(readOnly = true)
    public LotView get(UUID lotId, Actor actor) {
        LotView lot = lots.find(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        if (actor.has(Role.VENDOR) && !lot.vendorId().equals(actor.vendorId())) {
            throw new NotFound("lot", lotId);
        }
        return new LotView(lot.id(), lot.vendorId(), lot.status(), lot.carrier(), lot.trackingNumber(),
                lot.pickupContact(), lot.manifestSha256(), lot.createdAt(), lot.items(), lot.discrepancies(),
                process.currentStep(lotId).orElse(null));
    }

    /**
     * Whether the retirement could go into a lot now: approved, every medium sanitized, verified and certified, and
     * in no lot yet (404 for an unknown retirement).
     */
    @Transactional(readOnly = true)
    public boolean readyForHandoff(UUID retirementId) {
        RetirementView retirement = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        return retirement.status() == RetirementStatus.APPROVED && requests.readyForHandoff(retirementId)
                && lots.lotOf(retirementId).isEmpty();
    }

    /** Whether the lot's vendor holds a certification valid today (asked by the process). */
    @Transactional(readOnly = true)
    public boolean vendorCertified(UUID lotId) {
        LotView lot = lots.find(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        return vendors.certifiedOn(lot.vendorId(), LocalDate.now(ZoneOffset.UTC));
    }

    /** Whether the receipt left discrepancies open (asked by the process). */
    @Transactional(readOnly = true)
    public boolean hasOpenDiscrepancies(UUID lotId) {
        return lots.find(lotId).orElseThrow().discrepancies().stream().anyMatch(d -> d.resolution() == null);
    }

    private LotView vendorsLot(UUID lotId, Actor actor) {
        if (!actor.has(Role.VENDOR) || actor.vendorId() == null) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "only the lot's vendor does this");
        }
        LotView lot = lots.lock(lotId).orElseThrow(() -> new NotFound("lot", lotId));
        if (!lot.vendorId().equals(actor.vendorId())) {
            throw new NotFound("lot", lotId);
        }
        return lot;
    }

    private String step(UUID lotId, String step) {
        return process.waitingTask(lotId, step).orElseThrow(() -> DomainRuleViolated.conflict("step-not-open", null,
                "lot " + lotId + " is not waiting at " + step));
    }

    /** The manifest as signed: lot, vendor, carrier, tracking, contact and every item, canonically ordered. */
    private static byte[] manifest(LotView lot) {
        Map<String, Object> manifest = new TreeMap<>();
        manifest.put("lotId", lot.id().toString());
        manifest.put("vendorId", lot.vendorId().toString());
        manifest.put("carrier", lot.carrier());
        manifest.put("trackingNumber", lot.trackingNumber() == null ? "" : lot.trackingNumber());
        manifest.put("pickupContact", lot.pickupContact());
        manifest.put("items", lot.items().stream().map(i -> {
            Map<String, Object> item = new TreeMap<>();
            item.put("assetTag", i.assetTag());
            item.put("serial", i.assetSerial());
            item.put("seal", i.sealNumber() == null ? "" : i.sealNumber());
            return item;
        }).toList());
        try {
            return CANONICAL.writeValueAsBytes(manifest);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireRole(Actor actor, Role role, String what) {
        if (!actor.has(role)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your roles may not " + what);
        }
    }

    private static String normal(String serial) {
        return serial == null ? "" : serial.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
