package com.itadcustody.retirement;

import com.itadcustody.retirement.internal.OverviewQueries;
import com.itadcustody.retirement.internal.RetirementRequests;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retirement module's read API for overview pages: dashboard figures, a retirement's open tasks, an asset's
 * retirements, and paged lists of lots and of retirements ready for a handoff. Reads only; who may see what is the
 * caller's check (staff pages only).
 */
@Service
public class RetirementOverview {

    /** The statuses a lot can be in, in the order a lot goes through them. */
    public static final List<String> LOT_STATUSES = List.of("OPEN", "SIGNED_OFF", "PICKED_UP", "RECEIVED",
            "RELEASED");

    /** How many of the most recently closed retirements the cycle times are computed from, at most. */
    public static final int CYCLE_TIME_SAMPLE = 2_000;

    /** How far the count of retirements ready for a handoff goes (a larger count is shown as "more than"). */
    public static final int READY_COUNT_CAP = 1_000;

    /** The largest page any list here answers. */
    public static final int MAX_PAGE_SIZE = 500;

    private final OverviewQueries queries;
    private final RetirementRequests requests;
    private final RetirementProcess process;

    RetirementOverview(OverviewQueries queries, RetirementRequests requests, RetirementProcess process) {
        this.queries = queries;
        this.requests = requests;
        this.process = process;
    }

    /**
     * Money recovered by settlements in one currency.
     *
     * @param currency ISO 4217 code
     * @param amount the sum of the values recovered
     * @param settlements how many settlements
     */
    public record Recovered(String currency, BigDecimal amount, long settlements) {
    }

    /**
     * Retirements closed in one month with one disposition.
     *
     * @param month the UTC month, {@code YYYY-MM}
     * @param disposition RESALE, DONATION, RECYCLING or DESTRUCTION; null when the vendor recorded none
     * @param count how many
     */
    public record DisposalsInMonth(String month, String disposition, long count) {
    }

    /**
     * The median time retirements spent in one stage.
     *
     * @param stage the stage's key, e.g. {@code approval}
     * @param name the stage's name for people
     * @param medianSeconds the median in seconds; null when no retirement went through the stage
     */
    public record StageTime(String stage, String name, Double medianSeconds) {
    }

    /**
     * Median cycle time per stage of the retirements closed in a period.
     *
     * @param stages every stage, in lifecycle order
     * @param retirements how many closed retirements they are computed from
     */
    public record CycleTimes(List<StageTime> stages, long retirements) {
    }

    /**
     * One lot in a list.
     *
     * @param id the lot
     * @param vendorId its vendor
     * @param status OPEN, SIGNED_OFF, PICKED_UP, RECEIVED or RELEASED
     * @param carrier the carrier
     * @param trackingNumber the tracking number, if any
     * @param createdAt when it was made
     * @param items how many assets it holds
     * @param openDiscrepancies how many receipt discrepancies are still open
     */
    public record LotLine(UUID id, UUID vendorId, String status, String carrier, String trackingNumber,
            Instant createdAt, long items, long openDiscrepancies) {
    }

    private static final Map<String, String> STAGES = new java.util.LinkedHashMap<>();

    static {
        STAGES.put("approval", "Approval (request to decision)");
        STAGES.put("sanitization", "Preparation and sanitization (decision to last medium verified)");
        STAGES.put("handoff", "Handoff (verified to manifest signed off)");
        STAGES.put("transport", "Transport (signed off to received by the vendor)");
        STAGES.put("processing", "Vendor processing (received to disposed)");
        STAGES.put("settlement", "Settlement (disposed to closed)");
    }

    /** How many SLA breaches wait for their follow-up by an asset manager or IT staff. */
    @Transactional(readOnly = true)
    public long overdueSlas() {
        return queries.overdueSlas();
    }

    /** How many receipt discrepancies of lots are not resolved yet. */
    @Transactional(readOnly = true)
    public long openDiscrepancies() {
        return queries.openDiscrepancies();
    }

    /** The value recovered by settlements recorded in {@code [from, to)}, per currency. */
    @Transactional(readOnly = true)
    public List<Recovered> valueRecovered(Instant from, Instant to) {
        return queries.valueRecovered(from, to);
    }

    /** Retirements closed since {@code from}, per UTC month and disposition, oldest month first. */
    @Transactional(readOnly = true)
    public List<DisposalsInMonth> closedPerMonth(Instant from) {
        return queries.closedPerMonth(from);
    }

    /**
     * The median time per stage of the retirements closed since {@code from}: of the most recent
     * {@link #CYCLE_TIME_SAMPLE} of them, so that the figure costs the same with any history.
     */
    @Transactional(readOnly = true)
    public CycleTimes cycleTimes(Instant from) {
        Map<String, Double> medians = queries.medianStageSeconds(from, CYCLE_TIME_SAMPLE);
        List<StageTime> stages = new ArrayList<>();
        STAGES.forEach((key, name) -> stages.add(new StageTime(key, name, medians.get(key))));
        return new CycleTimes(stages, medians.get("retirements").longValue());
    }

    /** Every retirement request of this asset, newest first, the open one with the step it waits at. */
    @Transactional(readOnly = true)
    public List<RetirementView> ofAsset(UUID assetId) {
        return requests.ofAsset(assetId).stream().map(r -> r.status() == RetirementStatus.REQUESTED
                || r.status() == RetirementStatus.APPROVED ? r.withOpenTask(process.currentStep(r.id()).orElse(null))
                : r).toList();
    }

    /** The retirement's open tasks (ids, steps and roles), oldest first; empty when none waits. */
    public List<RetirementTask> openTasks(UUID retirementId) {
        return process.openTasksOf(retirementId, false);
    }

    /** The lot's open tasks (ids, steps and roles), oldest first; empty when none waits. */
    public List<RetirementTask> openLotTasks(UUID lotId) {
        return process.openTasksOf(lotId, true);
    }

    /**
     * One page of lots, newest first, filtered by status (one of {@link #LOT_STATUSES}) and vendor (each may be
     * null); 400 {@code lot-status-known}, {@code invalid-page} or {@code invalid-page-size} for bad values.
     */
    @Transactional(readOnly = true)
    public PageResult<LotLine> lots(String status, UUID vendorId, int page, int size) {
        if (status != null && !LOT_STATUSES.contains(status)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "lot-status-known", "status",
                    "status must be one of " + String.join(", ", LOT_STATUSES));
        }
        checkPage(page, size);
        return PageResult.of(queries.lots(status, vendorId, page, size), page, size,
                queries.countLots(status, vendorId));
    }

    /**
     * One page of the retirements ready for a handoff (approved, every medium sanitized, verified and certified)
     * that are in no lot yet, oldest request first: the ones a new lot may take. The total is counted up to
     * {@link #READY_COUNT_CAP} + 1 (more means "more than the cap").
     */
    @Transactional(readOnly = true)
    public PageResult<RetirementView> readyForHandoff(int page, int size) {
        checkPage(page, size);
        List<UUID> ids = queries.readyForHandoff(page, size);
        Map<UUID, RetirementView> byId = new java.util.HashMap<>();
        requests.findAll(ids).forEach(r -> byId.put(r.id(), r));
        List<RetirementView> found = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return PageResult.of(found, page, size, queries.countReadyForHandoff(READY_COUNT_CAP + 1));
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-page", "page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-page-size", "size",
                    "size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
