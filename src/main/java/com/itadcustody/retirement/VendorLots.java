package com.itadcustody.retirement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.retirement.internal.VendorLotStore;
import com.itadcustody.retirement.process.LotProcess;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.retirement.process.RetirementSla;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a vendor user may read about its own organisation's work (the partner portal's read model): its lots, the
 * assets in them, what it recorded for each and the settlement, and when its open steps are due. Every method is
 * scoped to the actor's vendor organisation: another vendor's record is 404, a list is empty for anyone else.
 */
@Service
public class VendorLots {

    private final VendorLotStore store;
    private final ObjectMapper mapper;
    private final RetirementSla sla;

    VendorLots(VendorLotStore store, ObjectMapper mapper, RetirementSla sla) {
        this.store = store;
        this.mapper = mapper;
        this.sla = sla;
    }

    /**
     * A lot as the vendor's list shows it.
     *
     * @param id the lot
     * @param status OPEN, SIGNED_OFF, PICKED_UP, RECEIVED or RELEASED
     * @param carrier the carrier
     * @param trackingNumber the tracking number
     * @param createdAt when IT staff made it
     * @param items how many assets it holds
     * @param unfinished how many of its assets' retirements are not closed or lost yet
     */
    public record LotSummary(UUID id, String status, String carrier, String trackingNumber, Instant createdAt,
            int items, int unfinished) {

        /** Whether the vendor still has work on the lot (not released yet, or an asset not closed). */
        public boolean open() {
            return !status.equals("RELEASED") || unfinished > 0;
        }
    }

    /**
     * What the vendor recorded for one asset and how it was settled.
     *
     * @param retirementId the retirement
     * @param assetId the asset
     * @param lotId the lot it came in
     * @param status where the retirement stands
     * @param processing the vendor's grading and disposition, once recorded
     * @param processedAt when it was recorded
     * @param settlement value recovered and fees, once IT staff settled
     * @param dispositionCertificate the certificate of disposition's number, once issued
     */
    public record Disposal(UUID retirementId, UUID assetId, UUID lotId, RetirementStatus status,
            VendorProcessing processing, Instant processedAt, Settlement settlement, String dispositionCertificate) {
    }

    /** The lots handed to the actor's vendor organisation, newest first; empty for anyone but a vendor user. */
    @Transactional(readOnly = true)
    public List<LotSummary> lotsOf(Actor actor) {
        return vendorUser(actor) ? store.lotsOf(actor.vendorId()) : List.of();
    }

    /** The ids of the assets in the actor's vendor's lots (empty for anyone but a vendor user). */
    @Transactional(readOnly = true)
    public Set<UUID> assetsOf(Actor actor) {
        return vendorUser(actor) ? store.assetsOf(actor.vendorId()) : Set.of();
    }

    /** Whether the asset is in one of the actor's vendor's lots. */
    @Transactional(readOnly = true)
    public boolean holdsAsset(UUID assetId, Actor actor) {
        return vendorUser(actor) && assetId != null && store.holdsAsset(actor.vendorId(), assetId);
    }

    /**
     * The asset's disposal as the vendor sees it: only for an asset in one of the actor's vendor's lots (404
     * otherwise, also for IT staff: this is the vendor's view).
     */
    @Transactional(readOnly = true)
    public Disposal disposal(UUID retirementId, Actor actor) {
        if (!vendorUser(actor)) {
            throw new NotFound("retirement", retirementId);
        }
        VendorLotStore.Row row = store.disposal(actor.vendorId(), retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        return new Disposal(row.retirementId(), row.assetId(), row.lotId(), RetirementStatus.valueOf(row.status()),
                read(row.processing(), VendorProcessing.class), row.processedAt(),
                read(row.settlement(), Settlement.class), row.dispositionCertificate());
    }

    /**
     * When a vendor step is due under its SLA (pickup, receipt, grading and disposition), or empty for a step
     * without one: the due date the step got when it started, or for a step started before steps carried one, the
     * SLA in force now applied to the step's start.
     */
    public Optional<Instant> dueAt(RetirementTask task) {
        if (task.dueAt() != null) {
            return Optional.of(task.dueAt());
        }
        Duration allowed = switch (task.step()) {
            case LotProcess.PICKUP -> Duration.parse(sla.getPickup());
            case LotProcess.RECEIPT -> Duration.parse(sla.getReceipt());
            case RetirementProcess.PROCESS_ASSET -> Duration.parse(sla.getVendorProcessing());
            default -> null;
        };
        return allowed == null || task.createdAt() == null ? Optional.empty()
                : Optional.of(task.createdAt().plus(allowed));
    }

    private static boolean vendorUser(Actor actor) {
        return actor.has(Role.VENDOR) && actor.vendorId() != null;
    }

    private <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored record of " + type.getSimpleName() + " unreadable", e);
        }
    }
}
