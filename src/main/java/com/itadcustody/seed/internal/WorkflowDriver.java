package com.itadcustody.seed.internal;

import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DispositionDetails;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.Settlement;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives retirements through the retirement module's API as the people would: a dispatcher reads each role's task
 * list ({@link Retirements#tasksFor}) and a few worker threads complete the steps, up to each retirement's target
 * {@link Stage}. Lots are made per vendor from the retirements that are ready for a handoff. Retirements of earlier
 * waves that are not at their target yet keep being driven in later waves.
 */
final class WorkflowDriver implements AutoCloseable {

    static final int WORKERS = 4;
    static final int LOT_SIZE = 40;
    static final Duration WAVE_TIMEOUT = Duration.ofMinutes(15);
    /** Kept waiting on purpose until the approval or pickup SLA escalates it (the seed command sets 45 s). */
    static final Duration SLOW = Duration.ofSeconds(50);
    /** Approved or picked up anyway if the escalation has not come this long after the SLA. */
    static final Duration SLOW_FALLBACK = Duration.ofSeconds(150);

    static final Person OPERATOR = new Person("Alex Operator", "Technician", "Example Corp IT", "Berlin", null);
    static final Person VALIDATOR = new Person("Sam Verifier", "Verifier", "Example Corp IT", "Berlin", null);

    /** One retirement the generator drives. */
    static final class Plan {
        final int assetIndex;
        final UUID assetId;
        final String serial;
        final Stage target;
        final DataConfidentiality confidentiality;
        final AssetDestination destination;
        final UUID vendorId;
        final UUID onSiteVendorId;
        final boolean failSanitization;
        final boolean failVerification;
        final boolean slowApproval;
        final boolean missingThenFound;
        final long random;
        volatile UUID retirementId;
        volatile Instant requestedAt;
        volatile boolean done;
        volatile boolean ready;
        volatile Instant readySince;
        volatile boolean settled;
        volatile UUID lotId;
        volatile boolean escalationAcknowledged;
        volatile List<SanitizationPlanItem> media;
        final Map<UUID, Integer> sanitized = new ConcurrentHashMap<>();
        final Map<UUID, Integer> verified = new ConcurrentHashMap<>();

        Plan(int assetIndex, UUID assetId, String serial, Stage target, DataConfidentiality confidentiality,
                AssetDestination destination, UUID vendorId, UUID onSiteVendorId, boolean failSanitization,
                boolean failVerification, boolean slowApproval, boolean missingThenFound, long random) {
            this.assetIndex = assetIndex;
            this.assetId = assetId;
            this.serial = serial;
            this.target = target;
            this.confidentiality = confidentiality;
            this.destination = destination;
            this.vendorId = vendorId;
            this.onSiteVendorId = onSiteVendorId;
            this.failSanitization = failSanitization;
            this.failVerification = failVerification;
            this.slowApproval = slowApproval;
            this.missingThenFound = missingThenFound;
            this.random = random;
        }
    }

    /** One lot the generator made. */
    static final class LotPlan {
        final UUID id;
        final UUID vendorId;
        final Stage target;
        final List<Plan> items;
        final boolean slowPickup;
        final Instant createdAt = Instant.now();
        volatile boolean escalationAcknowledged;

        LotPlan(UUID id, UUID vendorId, Stage target, List<Plan> items, boolean slowPickup) {
            this.id = id;
            this.vendorId = vendorId;
            this.target = target;
            this.items = items;
            this.slowPickup = slowPickup;
        }
    }

    private final Retirements retirements;
    private final Lots lots;
    private final Escalations escalations;
    private final SeedPeople people;
    private final boolean slowSteps;
    private final PrintStream out;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "seed-worker");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();
    private final Map<UUID, Plan> byRetirement = new ConcurrentHashMap<>();
    private final Map<UUID, LotPlan> byLot = new ConcurrentHashMap<>();
    private final List<Plan> all = new ArrayList<>();
    final AtomicInteger steps = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();
    final AtomicInteger lotsMade = new AtomicInteger();
    private final Map<String, String> lastRefusal = new ConcurrentHashMap<>();

    WorkflowDriver(Retirements retirements, Lots lots, Escalations escalations, SeedPeople people,
            boolean slowSteps, PrintStream out) {
        this.slowSteps = slowSteps;
        this.retirements = retirements;
        this.lots = lots;
        this.escalations = escalations;
        this.people = people;
        this.out = out;
    }

    /**
     * Requests the retirements of one wave and drives them (and the stragglers of earlier waves) until every one of
     * this wave is at its target or the wave times out; returns how many reached their target.
     */
    int drive(String wave, List<Plan> plans) {
        Instant started = Instant.now();
        for (Plan p : plans) {
            all.add(p);
            submit("request:" + p.assetIndex, () -> {
                try {
                    UUID id = retirements.request(p.assetId, reason(p), p.confidentiality, p.destination,
                            p.onSiteVendorId, people.staff()).id();
                    p.requestedAt = Instant.now();
                    p.retirementId = id;
                    byRetirement.put(id, p);
                    if (p.target == Stage.REQUESTED) {
                        p.done = true;
                    }
                } catch (DomainRuleViolated e) {
                    // already being retired (an interrupted earlier run requested it): leave it as it is
                    p.done = true;
                    lastRefusal.put("request", e.rule() + ": " + e.getMessage());
                }
            });
        }
        Instant lastReport = Instant.now();
        Instant lastHousekeeping = Instant.EPOCH;
        Instant lastDispatch = Instant.EPOCH;
        while (true) {
            long open = plans.stream().filter(p -> !p.done).count();
            if (open == 0 && inFlight.isEmpty()) {
                break;
            }
            if (Duration.between(started, Instant.now()).compareTo(WAVE_TIMEOUT) > 0) {
                out.printf("seed: %s timed out with %d of %d retirements short of their target (last refusals: %s)%n",
                        wave, open, plans.size(), lastRefusal);
                break;
            }
            // read the task lists again once the steps taken from them are nearly done: each read of up to 500
            // tasks costs the database more than a step
            if (inFlight.size() <= WORKERS * 2
                    || Duration.between(lastDispatch, Instant.now()).getSeconds() >= 20) {
                dispatch(people.manager());
                dispatch(people.staff());
                dispatch(people.verifier());
                for (Actor vendor : people.vendors().values()) {
                    dispatch(vendor);
                }
                lastDispatch = Instant.now();
            }
            if (Duration.between(lastHousekeeping, Instant.now()).toMillis() >= 1500) {
                housekeeping();
                lastHousekeeping = Instant.now();
            }
            if (Duration.between(lastReport, Instant.now()).getSeconds() >= 10) {
                out.printf("seed: %s: %d of %d at their target, %d steps done, %d lots, %d steps refused and"
                        + " retried, %d in flight, %.0f s%n", wave, plans.size() - open, plans.size(), steps.get(),
                        lotsMade.get(), refusals.get(), inFlight.size(),
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                lastReport = Instant.now();
            }
            sleep(400);
        }
        return (int) plans.stream().filter(p -> p.done).count();
    }

    private void dispatch(Actor actor) {
        List<RetirementTask> tasks;
        try {
            tasks = retirements.tasksFor(actor);
        } catch (RuntimeException e) {
            lastRefusal.put("tasksFor", e.toString());
            return;
        }
        for (RetirementTask t : tasks) {
            if (t.lotId() != null && t.retirementId() == null) {
                LotPlan lot = byLot.get(t.lotId());
                if (lot != null) {
                    lotStep(t, lot, actor);
                }
                continue;
            }
            Plan p = t.retirementId() == null ? null : byRetirement.get(t.retirementId());
            if (p != null) {
                step(t, p, actor);
            }
        }
    }

    private void step(RetirementTask t, Plan p, Actor actor) {
        UUID id = p.retirementId;
        switch (t.step()) {
            case "Task_ApproveRetirement" -> {
                if (p.target == Stage.REQUESTED) {
                    p.done = true;
                    return;
                }
                if (p.slowApproval && !p.escalationAcknowledged && p.requestedAt != null
                        && Instant.now().isBefore(p.requestedAt.plus(SLOW).plus(SLOW_FALLBACK))) {
                    return;
                }
                submit(t.id(), () -> {
                    boolean approve = p.target != Stage.REJECTED;
                    retirements.decide(id, approve, approve ? null : "Still under warranty; redeploy it instead",
                            people.manager());
                    if (!approve) {
                        p.done = true;
                    }
                });
            }
            case "Task_FollowUpOverdueApproval", "Task_FollowUpOverdueVendorProcessing" -> {
                if (p.target == Stage.REQUESTED || p.target == Stage.RECEIVED) {
                    return; // left overdue on purpose
                }
                submit(t.id(), () -> {
                    escalations.acknowledgeRetirement(id, "Chased by phone; on it today", people.manager());
                    p.escalationAcknowledged = true;
                });
            }
            case "Task_ConfirmBackup" -> submit(t.id(), () -> retirements.confirmBackup(id,
                    "//nas-backup/retired/" + AssetCsv.tag(p.assetIndex), people.staff()));
            case "Task_AttestDeprovisioning" -> {
                if (p.target == Stage.PREPARING) {
                    p.done = true;
                } else if (p.target == Stage.CANCELLED) {
                    submit(t.id(), () -> {
                        retirements.cancel(id, "Needed again by the project team", people.staff());
                        p.done = true;
                    });
                } else {
                    submit(t.id(), () -> retirements.attestDeprovisioning(id, attestations(p), people.staff()));
                }
            }
            case "Task_SanitizeMedium" -> {
                if (p.target == Stage.SANITIZING) {
                    p.done = true;
                    return;
                }
                submit(t.id(), () -> sanitize(p, t.mediumId(), actor));
            }
            case "Task_VerifyMedium" -> submit(t.id(), () -> {
                int before = p.verified.getOrDefault(t.mediumId(), 0);
                boolean passed = !(p.failVerification && before == 0);
                retirements.recordVerification(id, t.mediumId(), new VerificationReport(VALIDATOR,
                        VerificationMethod.FULL, passed, passed ? "No data recovered" : "Readable sectors found",
                        passed ? null : VerificationReport.OnFailure.RESANITIZE), people.verifier());
                p.verified.merge(t.mediumId(), 1, Integer::sum);
            });
            case "Task_ProcessAsset" -> {
                if (p.target == Stage.RECEIVED) {
                    p.done = true;
                    return;
                }
                submit(t.id(), () -> retirements.recordVendorProcessing(id, processing(p), actor));
            }
            case "Task_SettleAsset" -> {
                if (p.target == Stage.PROCESSED) {
                    p.done = true;
                    return;
                }
                submit(t.id(), () -> {
                    retirements.settle(id, settlement(p), people.staff());
                    p.settled = true;
                });
            }
            default -> {
                // a step the generator does not take (e.g. an incident's follow-up)
            }
        }
    }

    private void lotStep(RetirementTask t, LotPlan lot, Actor actor) {
        switch (t.step()) {
            case "Task_SignOffManifest" -> submit(t.id(), () -> {
                lots.signOff(lot.id, people.staff());
                if (lot.target == Stage.LOT_SIGNED_OFF) {
                    lot.items.forEach(p -> p.done = true);
                }
            });
            case "Task_HandoffBlocked" -> submit(t.id(), () -> lots.retryHandoff(lot.id, people.staff()));
            case "Task_ConfirmPickup" -> {
                if (lot.target == Stage.LOT_SIGNED_OFF) {
                    return;
                }
                if (lot.slowPickup && !lot.escalationAcknowledged
                        && Instant.now().isBefore(lot.createdAt.plus(SLOW).plus(SLOW_FALLBACK))) {
                    return;
                }
                submit(t.id(), () -> {
                    lots.confirmPickup(lot.id, actor);
                    if (lot.target == Stage.LOT_PICKED_UP) {
                        lot.items.forEach(p -> p.done = true);
                    }
                });
            }
            case "Task_FollowUpOverduePickup", "Task_FollowUpOverdueReceipt" -> {
                if (lot.target == Stage.LOT_SIGNED_OFF || lot.target == Stage.LOT_PICKED_UP) {
                    return; // left overdue on purpose
                }
                submit(t.id(), () -> {
                    escalations.acknowledgeLot(lot.id, "Carrier rebooked", people.manager());
                    lot.escalationAcknowledged = true;
                });
            }
            case "Task_ReconcileReceipt" -> {
                if (lot.target == Stage.LOT_PICKED_UP) {
                    return;
                }
                submit(t.id(), () -> {
                    List<String> received = lot.items.stream().filter(p -> !missing(p, lot)).map(p -> p.serial)
                            .toList();
                    lots.reconcileReceipt(lot.id, received, actor);
                    if (lot.target == Stage.LOT_DISCREPANCY) {
                        lot.items.forEach(p -> p.done = true);
                    }
                });
            }
            case "Task_ResolveDiscrepancies" -> {
                if (lot.target == Stage.LOT_DISCREPANCY) {
                    return;
                }
                submit(t.id(), () -> {
                    List<Lots.Resolution> resolutions = lot.items.stream().filter(p -> missing(p, lot))
                            .map(p -> new Lots.Resolution(p.serial,
                                    p.target == Stage.LOST ? "LOST_IN_TRANSIT" : "FOUND"))
                            .toList();
                    lots.resolveDiscrepancies(lot.id, resolutions, people.staff());
                    lot.items.stream().filter(p -> p.target == Stage.LOST).forEach(p -> p.done = true);
                });
            }
            default -> {
                // nothing the generator does
            }
        }
    }

    /** Whether the vendor's receipt leaves this retirement's serial out. */
    private static boolean missing(Plan p, LotPlan lot) {
        return p.target == Stage.LOST || p.missingThenFound
                || (lot.target == Stage.LOT_DISCREPANCY && p == lot.items.get(0));
    }

    private void sanitize(Plan p, UUID mediumId, Actor actor) {
        if (p.media == null) {
            p.media = retirements.sanitizationPlan(p.retirementId);
        }
        SanitizationPlanItem planned = p.media.stream().filter(m -> m.mediumId().equals(mediumId)).findFirst()
                .orElseGet(() -> {
                    p.media = retirements.sanitizationPlan(p.retirementId);
                    return p.media.stream().filter(m -> m.mediumId().equals(mediumId)).findFirst().orElseThrow();
                });
        int before = p.sanitized.getOrDefault(mediumId, 0);
        boolean passed = !(p.failSanitization && before == 0);
        boolean destroy = planned.methodType().equals("DESTROY");
        retirements.recordSanitization(p.retirementId, mediumId, new SanitizationReport(OPERATOR,
                SanitizationTechnique.valueOf(planned.technique()), destroy ? "Shredded to 2 mm on site" : null,
                destroy ? null : "nwipe", destroy ? null : "0.37", VerificationMethod.QUICK_SAMPLING, passed,
                "Unclassified", null, passed ? null : "Write errors on 3 sectors; wiped again",
                Instant.now().minusSeconds(30)), actor);
        p.sanitized.merge(mediumId, 1, Integer::sum);
    }

    private void housekeeping() {
        // retirements that are ready for a handoff: the AWAITING_LOT ones are there; the others go into lots
        Map<String, List<Plan>> ready = new LinkedHashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (Plan p : all) {
            if (p.done || p.retirementId == null || p.lotId != null || claimedForLot.contains(p.retirementId)) {
                continue;
            }
            if (p.settled) {
                try {
                    if (retirements.get(p.retirementId).status() == RetirementStatus.CLOSED) {
                        p.done = true;
                    }
                } catch (NotFound e) {
                    p.done = true;
                }
                continue;
            }
            if (p.target != Stage.AWAITING_LOT && !p.target.inLot()) {
                continue;
            }
            if (!p.ready) {
                try {
                    p.ready = lots.readyForHandoff(p.retirementId);
                    if (p.ready) {
                        p.readySince = Instant.now();
                    }
                } catch (RuntimeException e) {
                    lastRefusal.put("readyForHandoff", e.toString());
                }
            }
            if (p.target == Stage.AWAITING_LOT) {
                if (p.ready) {
                    p.done = true;
                }
                continue;
            }
            String group = p.vendorId + "/" + p.target.lotStage();
            if (p.ready) {
                ready.computeIfAbsent(group, g -> new ArrayList<>()).add(p);
            } else {
                pending.merge(group, 1, Integer::sum);
            }
        }
        // the retirements of settled lots that are past the lot: closed ones are checked above
        for (Plan p : all) {
            if (!p.done && p.settled && p.lotId != null) {
                try {
                    if (retirements.get(p.retirementId).status() == RetirementStatus.CLOSED) {
                        p.done = true;
                    }
                } catch (NotFound e) {
                    p.done = true;
                }
            }
        }
        for (Map.Entry<String, List<Plan>> group : ready.entrySet()) {
            List<Plan> items = group.getValue();
            Instant oldest = items.stream().map(p -> p.readySince).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).orElse(Instant.now());
            if (items.size() < LOT_SIZE && pending.getOrDefault(group.getKey(), 0) > 0
                    && Duration.between(oldest, Instant.now()).getSeconds() < 30) {
                continue; // wait a little for the rest of the group
            }
            for (int from = 0; from < items.size(); from += LOT_SIZE) {
                List<Plan> lotItems = List.copyOf(items.subList(from, Math.min(items.size(), from + LOT_SIZE)));
                makeLot(lotItems);
            }
        }
    }

    private void makeLot(List<Plan> items) {
        Plan first = items.get(0);
        String key = "lot:" + first.retirementId;
        lotItemsClaimed(items, true);
        boolean submitted = submit(key, () -> {
            try {
                UUID id = lots.create(first.vendorId, items.stream().map(p -> new Lots.NewItem(p.retirementId,
                        "SEAL-%06d".formatted(p.assetIndex))).toList(), "DHL Freight",
                        "TRK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Dock 3, Mo-Fr 8-16",
                        people.staff()).id();
                boolean slow = slowSteps && new SplittableRandom(first.random).nextInt(6) == 0
                        && first.target.lotStage() == Stage.RECEIVED;
                LotPlan lot = new LotPlan(id, first.vendorId, first.target.lotStage(), items, slow);
                byLot.put(id, lot);
                items.forEach(p -> p.lotId = id);
                lotItemsClaimed(items, false);
                lotsMade.incrementAndGet();
            } catch (RuntimeException e) {
                lotItemsClaimed(items, false);
                throw e;
            }
        });
        if (!submitted) {
            lotItemsClaimed(items, false);
        }
    }

    private final Set<UUID> claimedForLot = ConcurrentHashMap.newKeySet();

    private void lotItemsClaimed(List<Plan> items, boolean claimed) {
        for (Plan p : items) {
            if (claimed) {
                claimedForLot.add(p.retirementId); // not offered again until the lot is made or its making failed
            } else {
                claimedForLot.remove(p.retirementId);
            }
        }
    }

    /** Runs the action on a worker unless one with this key is under way or was refused just now. */
    private boolean submit(String key, Runnable action) {
        Instant until = refusedUntil.get(key);
        if (until != null && Instant.now().isBefore(until)) {
            return false;
        }
        if (!inFlight.add(key)) {
            return false;
        }
        workers.execute(() -> {
            try {
                action.run();
                steps.incrementAndGet();
                refusedUntil.remove(key);
            } catch (DomainRuleViolated | NotFound e) {
                // the step is not open yet (the engine is still moving) or was taken meanwhile: try again later
                refusals.incrementAndGet();
                lastRefusal.put(key.replaceAll(":.*", "") + "/" + (e instanceof DomainRuleViolated d ? d.rule()
                        : "not-found"), e.getMessage());
                refusedUntil.put(key, Instant.now().plusSeconds(2));
            } catch (RuntimeException e) {
                refusals.incrementAndGet();
                lastRefusal.put(key.replaceAll(":.*", "") + "/error", e.toString());
                refusedUntil.put(key, Instant.now().plusSeconds(5));
            } finally {
                inFlight.remove(key);
            }
        });
        return true;
    }

    private static String reason(Plan p) {
        return switch (p.destination) {
            case INTERNAL_REUSE -> "Refresh: redeploy after wipe";
            case LEAVES_ORGANISATION -> "End of lease / refresh cycle";
            case DISPOSAL -> "Broken beyond repair";
        };
    }

    private static List<DeprovisioningAttestation> attestations(Plan p) {
        return Arrays.stream(DeprovisioningAttestation.System.values())
                .map(s -> new DeprovisioningAttestation(s, s == DeprovisioningAttestation.System.REMOTE_ACCOUNTS
                        && p.assetIndex % 3 == 0 ? DeprovisioningAttestation.Outcome.NOT_APPLICABLE
                        : DeprovisioningAttestation.Outcome.DONE, "Ticket IT-" + (100_000 + p.assetIndex)))
                .toList();
    }

    private static VendorProcessing processing(Plan p) {
        SplittableRandom r = new SplittableRandom(p.random + 17);
        Instant at = Instant.now().minusSeconds(60);
        String grade = new String[] {"A", "B", "C", "D"}[r.nextInt(4)];
        return switch (method(p)) {
            case RESALE -> new VendorProcessing(grade, true, DispositionMethod.RESALE, "Refurbished and resold", null,
                    "Leipzig", at, DispositionDetails.resale(resaleValue(p), "EUR",
                            "B-" + (10_000 + p.assetIndex)));
            case DONATION -> new VendorProcessing(grade, true, DispositionMethod.DONATION, null, null, "Leipzig", at,
                    DispositionDetails.donation("Digital Schools e.V."));
            case RECYCLING -> new VendorProcessing("D", false, DispositionMethod.RECYCLING, null, null, "Leipzig", at,
                    DispositionDetails.recycling("EcoMetals Recovery GmbH", "R2v3",
                            new BigDecimal(2 + r.nextInt(30) + ".5")));
            case DESTRUCTION -> new VendorProcessing("D", false, DispositionMethod.DESTRUCTION,
                    "Shredded with the lot", "20 mm", "Leipzig", at,
                    DispositionDetails.destruction("Shredding", "J. Witness (vendor QA)", null));
        };
    }

    /** The disposition the vendor chooses for this retirement. */
    static DispositionMethod method(Plan p) {
        int roll = new SplittableRandom(p.random + 5).nextInt(100);
        return switch (p.destination) {
            case DISPOSAL -> roll < 60 ? DispositionMethod.RECYCLING : DispositionMethod.DESTRUCTION;
            case LEAVES_ORGANISATION -> roll < 75 ? DispositionMethod.RESALE : DispositionMethod.DONATION;
            case INTERNAL_REUSE -> roll < 85 ? DispositionMethod.RESALE : DispositionMethod.RECYCLING;
        };
    }

    private static BigDecimal resaleValue(Plan p) {
        return BigDecimal.valueOf(40 + new SplittableRandom(p.random + 11).nextInt(700)).setScale(2);
    }

    private static Settlement settlement(Plan p) {
        BigDecimal fees = BigDecimal.valueOf(5 + new SplittableRandom(p.random + 13).nextInt(35)).setScale(2);
        BigDecimal value = method(p) == DispositionMethod.RESALE ? resaleValue(p) : BigDecimal.ZERO.setScale(2);
        return new Settlement(value, fees, "EUR");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits for the steps under way, then stops the workers. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
