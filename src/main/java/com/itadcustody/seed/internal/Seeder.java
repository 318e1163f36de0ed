package com.itadcustody.seed.internal;

import com.itadcustody.asset.AssetImports;
import com.itadcustody.asset.LicenseSetup;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.seed.SeedOptions;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Generates sample data through the modules' APIs (docs/seed-data.md): users and vendors, assets with media by CSV
 * import, device license seats, then retirements in monthly waves driven through the workflow, and finally moves
 * the domain timestamps of each phase into the past. Each phase is recorded in {@code seed_phase}; a second run
 * skips what is there and carries on.
 */
@Service
public class Seeder {

    static final int BATCH = 2_000;
    static final String[] VENDOR_NAMES = {"Seed: GreenCycle ITAD GmbH", "Seed: SecureShred Services AG",
        "Seed: ReTech Remarketing GmbH", "Seed: Alpine e-Waste Recycling", "Seed: DataGone Mobile ITAD"};
    static final String[][] POOLS = {{"Microsoft", "Windows 11 Enterprise"}, {"Microsoft", "Microsoft 365 E3"},
        {"CrowdStrike", "Falcon Insight"}, {"Adobe", "Acrobat Pro"}, {"Autodesk", "AutoCAD"},
        {"JetBrains", "IntelliJ IDEA Ultimate"}, {"VMware", "vSphere Enterprise Plus"}, {"Red Hat", "RHEL Server"},
        {"Jamf", "Jamf Pro"}, {"Zscaler", "Client Connector"}};

    private final Users users;
    private final Vendors vendors;
    private final AssetImports assets;
    private final LicenseSetup licenses;
    private final Retirements retirements;
    private final Lots lots;
    private final Escalations escalations;
    private final SeedPhases phases;
    private final Maintenance maintenance;
    private final boolean slowSteps;
    private final Duration approvalSla;

    Seeder(Users users, Vendors vendors, AssetImports assets, LicenseSetup licenses, Retirements retirements,
            Lots lots, Escalations escalations, SeedPhases phases, Maintenance maintenance,
            @Value("${itad.retirement.sla.approval}") Duration approvalSla,
            @Value("${itad.retirement.sla.pickup}") Duration pickupSla) {
        // a few approvals and pickups are kept waiting until their SLA escalates them, when the SLAs are short
        // (the seed command sets 45 s); with the production SLAs of days nothing is kept waiting
        this.approvalSla = approvalSla;
        this.slowSteps = approvalSla.compareTo(Duration.ofMinutes(2)) <= 0
                && pickupSla.compareTo(Duration.ofMinutes(2)) <= 0;
        this.users = users;
        this.vendors = vendors;
        this.assets = assets;
        this.licenses = licenses;
        this.retirements = retirements;
        this.lots = lots;
        this.escalations = escalations;
        this.phases = phases;
        this.maintenance = maintenance;
    }

    /** Generates what is still missing of {@code options}, printing its progress to {@code out}. */
    public void seed(SeedOptions options, PrintStream out) {
        long started = System.nanoTime();
        int interrupted = phases.closeInterrupted();
        if (interrupted > 0) {
            out.printf("seed: %d phase(s) of an earlier run were interrupted; carrying on from there%n", interrupted);
        }
        Instant anchor = phases.anchor().orElse(Instant.now());
        Duration history = Duration.ofDays(30L * options.months());
        Instant historyStart = anchor.minus(history);

        long setup = phases.start("setup", null, null);
        SeedPeople people = people(out);
        phases.finish(setup);

        registerAssets(options, historyStart, out);
        assignSeats(options, historyStart, out);
        maintenance.vacuumAnalyze(out);
        retire(options, people, anchor, historyStart, history, out);
        if (slowSteps && options.retirements() > 0) {
            // the approvals and pickups the last wave leaves waiting get their SLA timers fired by the engine
            Duration wait = approvalSla.plusSeconds(20);
            out.printf("seed: waiting %d s for the engine to escalate the steps left waiting past their SLA%n",
                    wait.toSeconds());
            sleep(wait);
        }
        if (options.backdate()) {
            long t = System.nanoTime();
            long rows = phases.backdate(out);
            out.printf("seed: backdating moved %,d timestamps in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
        }
        maintenance.vacuumAnalyze(out);
        out.printf("seed: done in %.1f min%n", (System.nanoTime() - started) / 6e10);
    }

    private SeedPeople people(PrintStream out) {
        Actor system = Actor.system();
        Map<UUID, Actor> vendorUsers = new LinkedHashMap<>();
        List<Vendor> known = vendors.list();
        Actor admin = user("seed.admin", "Seed Admin", Set.of(Role.ADMIN), null, system, out);
        for (int v = 0; v < VENDOR_NAMES.length; v++) {
            String name = VENDOR_NAMES[v];
            Vendor vendor = known.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
            if (vendor == null) {
                vendor = vendors.register(name, admin);
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                vendors.addCertification(vendor.id(), v % 2 == 0 ? "R2v3" : "e-Stewards", "CERT-SEED-" + (v + 1),
                        v % 2 == 0 ? "SERI" : "BAN", today.minusYears(3), today.plusYears(2), admin);
                if (v == 1) {
                    vendors.addCertification(vendor.id(), "NAID AAA", "NAID-SEED-2", "i-SIGMA", today.minusYears(3),
                            today.plusYears(1), admin);
                }
            }
            vendorUsers.put(vendor.id(), user("seed.vendor-" + (v + 1), name.substring(6) + " operator",
                    Set.of(Role.VENDOR), vendor.id(), admin, out));
        }
        user("seed.compliance", "Seed Compliance Officer", Set.of(Role.COMPLIANCE), null, admin, out);
        return new SeedPeople(user("seed.staff", "Seed IT Staff", Set.of(Role.IT_STAFF), null, admin, out),
                user("seed.manager", "Seed Asset Manager", Set.of(Role.ASSET_MANAGER), null, admin, out),
                user("seed.verifier", "Seed Verifier", Set.of(Role.VERIFIER), null, admin, out), vendorUsers);
    }

    /** The user with this name, registered with a random password (never printed) if it is not there yet. */
    private Actor user(String username, String displayName, Set<Role> roles, UUID vendorId, Actor by,
            PrintStream out) {
        User user = users.findByUsername(username).orElseGet(() -> {
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            out.printf("seed: user %s (%s) registered; set its password as an admin to sign in with it%n", username,
                    roles);
            return users.register(new NewUser(username, displayName, username + "@seed.example",
                    Base64.getUrlEncoder().encodeToString(secret), roles, vendorId), by);
        });
        return new Actor(user.id(), user.username(), user.roles(), user.vendorId());
    }

    private void registerAssets(SeedOptions options, Instant historyStart, PrintStream out) {
        int batches = (options.assets() + BATCH - 1) / BATCH;
        int first = 0;
        while (first < batches && assets.tagRegistered(AssetCsv.tag(first * BATCH))) {
            first++;
        }
        if (first == batches) {
            out.printf("seed: assets: all %,d registered already%n", options.assets());
            return;
        }
        // registered over the two years before the history starts
        long phase = phases.start("assets", historyStart.minus(Duration.ofDays(730)),
                historyStart.minus(Duration.ofDays(2)));
        Actor importer = users.findByUsername("seed.staff").map(u -> new Actor(u.id(), u.username(), u.roles(), null))
                .orElseThrow();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        int done = 0;
        int media = 0;
        for (int b = first; b < batches; b++) {
            int from = b * BATCH;
            int to = Math.min(options.assets(), from + BATCH);
            if (assets.tagRegistered(AssetCsv.tag(from))) {
                continue;
            }
            AssetImports.Imported imported = assets.importCsv(AssetCsv.rows(from, to, options.randomSeed(), today),
                    importer);
            done += imported.assets();
            media += imported.media();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (b % 5 == 4 || b == batches - 1) {
                int left = options.assets() - to;
                out.printf("seed: assets %,d of %,d registered (%,d media this run; %.0f assets/s; about %.0f s"
                        + " left)%n", to, options.assets(), media, done / seconds, left / Math.max(done / seconds, 1));
            }
        }
        phases.finish(phase);
        out.printf("seed: assets: %,d registered with %,d media in %.1f s%n", done, media,
                (System.nanoTime() - t0) / 1e9);
    }

    private void assignSeats(SeedOptions options, Instant historyStart, PrintStream out) {
        if (phases.finished("licenses")) {
            out.println("seed: licenses: there already");
            return;
        }
        long phase = phases.start("licenses", historyStart.minus(Duration.ofDays(2)),
                historyStart.minus(Duration.ofDays(1)));
        Actor staff = users.findByUsername("seed.staff").map(u -> new Actor(u.id(), u.username(), u.roles(), null))
                .orElseThrow();
        long t0 = System.nanoTime();
        // about a quarter of the laptops and desktops hold one device seat of a pool, in tag order
        List<List<UUID>> perPool = new ArrayList<>();
        for (int p = 0; p < POOLS.length; p++) {
            perPool.add(new ArrayList<>());
        }
        for (int from = 0; from < options.assets(); from += BATCH) {
            List<String> tags = new ArrayList<>();
            for (int i = from; i < Math.min(options.assets(), from + BATCH); i++) {
                String type = AssetCsv.type(i, options.randomSeed());
                if ((type.equals("LAPTOP") || type.equals("DESKTOP") || type.equals("SERVER")) && i % 4 == 0) {
                    tags.add(AssetCsv.tag(i));
                }
            }
            Map<String, UUID> ids = assets.idsOfTags(tags);
            for (String tag : tags) {
                int i = Integer.parseInt(tag.substring(5));
                perPool.get((i / 4) % POOLS.length).add(ids.get(tag));
            }
        }
        int seats = 0;
        for (int p = 0; p < POOLS.length; p++) {
            List<UUID> holders = perPool.get(p);
            UUID pool = licenses.createDevicePool(POOLS[p][0], POOLS[p][1], holders.size() + holders.size() / 10 + 5,
                    new BigDecimal(holders.size() * 45 + ".00"), "EUR", staff);
            for (int from = 0; from < holders.size(); from += 500) {
                seats += licenses.assignDeviceSeats(pool, holders.subList(from, Math.min(holders.size(), from + 500)),
                        staff);
            }
            out.printf("seed: licenses: pool %d of %d (%s %s), %,d seats so far%n", p + 1, POOLS.length, POOLS[p][0],
                    POOLS[p][1], seats);
        }
        phases.finish(phase);
        out.printf("seed: licenses: %d pools, %,d device seats in %.1f s%n", POOLS.length, seats,
                (System.nanoTime() - t0) / 1e9);
    }

    private void retire(SeedOptions options, SeedPeople people, Instant anchor, Instant historyStart,
            Duration history, PrintStream out) {
        if (options.retirements() == 0) {
            return;
        }
        List<UUID> vendorIds = List.copyOf(people.vendors().keySet());
        int perWave = (options.retirements() + options.waves() - 1) / options.waves();
        int stride = Math.max(1, options.assets() / options.retirements());
        Duration month = history.dividedBy(options.waves());
        try (WorkflowDriver driver = new WorkflowDriver(retirements, lots, escalations, people, slowSteps, out)) {
            long t0 = System.nanoTime();
            int total = 0;
            for (int w = 0; w < options.waves(); w++) {
                String name = "wave-%02d".formatted(w + 1);
                if (phases.finished(name)) {
                    out.printf("seed: %s: there already%n", name);
                    continue;
                }
                int from = w * perWave;
                int to = Math.min(options.retirements(), from + perWave);
                if (from >= to) {
                    break;
                }
                boolean last = w == options.waves() - 1;
                List<String> tags = new ArrayList<>();
                for (int j = from; j < to; j++) {
                    tags.add(AssetCsv.tag(j * stride));
                }
                Map<String, UUID> ids = assets.idsOfTags(tags);
                List<WorkflowDriver.Plan> plans = new ArrayList<>();
                for (int j = from; j < to; j++) {
                    int i = j * stride;
                    plans.add(plan(i, ids.get(AssetCsv.tag(i)), w, last, vendorIds, options.randomSeed(), slowSteps));
                }
                Instant shownFrom = historyStart.plus(month.multipliedBy(w));
                long phase = phases.start(name, shownFrom, shownFrom.plus(month).minus(Duration.ofHours(1)));
                long tw = System.nanoTime();
                int reached = driver.drive(name, plans);
                phases.finish(phase);
                if (w % 3 == 2) {
                    maintenance.vacuumAnalyze(out);
                }
                total += plans.size();
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf("seed: %s of %d: %d of %d retirements at their target in %.0f s (%.1f retirements/s so"
                        + " far; about %.0f min left)%n", name, options.waves(), reached, plans.size(),
                        (System.nanoTime() - tw) / 1e9, total / seconds,
                        (options.retirements() - to) / Math.max(total / seconds, 0.01) / 60);
            }
        }
    }

    /** What happens to asset {@code i} in wave {@code w}: its target stage, vendor, and the trouble on the way. */
    static WorkflowDriver.Plan plan(int i, UUID assetId, int w, boolean lastWave, List<UUID> vendorIds, long seed,
            boolean slowSteps) {
        SplittableRandom r = new SplittableRandom(seed * 7_919L + i);
        Stage target = lastWave ? pick(r, new Object[][] {{Stage.REQUESTED, 10}, {Stage.REJECTED, 3},
            {Stage.CANCELLED, 3}, {Stage.PREPARING, 8}, {Stage.SANITIZING, 10}, {Stage.AWAITING_LOT, 12},
            {Stage.LOT_SIGNED_OFF, 8}, {Stage.LOT_PICKED_UP, 8}, {Stage.LOT_DISCREPANCY, 3}, {Stage.RECEIVED, 10},
            {Stage.PROCESSED, 8}, {Stage.CLOSED, 15}, {Stage.LOST, 2}})
                : pick(r, new Object[][] {{Stage.CLOSED, 86}, {Stage.REJECTED, 5}, {Stage.CANCELLED, 6},
                    {Stage.LOST, 1}, {Stage.CLOSED, 2}});
        DataConfidentiality confidentiality = pick(r, new Object[][] {{DataConfidentiality.LOW, 50},
            {DataConfidentiality.MODERATE, 35}, {DataConfidentiality.HIGH, 15}});
        AssetDestination destination = pick(r, new Object[][] {{AssetDestination.INTERNAL_REUSE, 15},
            {AssetDestination.LEAVES_ORGANISATION, 45}, {AssetDestination.DISPOSAL, 40}});
        UUID vendor = vendorIds.get(r.nextInt(vendorIds.size()));
        UUID onSite = r.nextInt(100) < 5 ? vendor : null;
        boolean failSanitization = r.nextInt(100) < 4;
        boolean failVerification = r.nextInt(100) < 2;
        boolean slowApproval = slowSteps && w % 3 == 1 && r.nextInt(100) < 4 && target != Stage.REQUESTED
                && target != Stage.REJECTED;
        boolean missingThenFound = target.lotStage() == Stage.RECEIVED && target != Stage.LOST && r.nextInt(100) < 2;
        return new WorkflowDriver.Plan(i, assetId, AssetCsv.serial(i), target, confidentiality, destination, vendor,
                onSite, failSanitization, failVerification, slowApproval, missingThenFound, r.nextLong());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(SplittableRandom r, Object[][] weighted) {
        int total = 0;
        for (Object[] w : weighted) {
            total += (Integer) w[1];
        }
        int roll = r.nextInt(total);
        for (Object[] w : weighted) {
            roll -= (Integer) w[1];
            if (roll < 0) {
                return (T) w[0];
            }
        }
        return (T) weighted[0][0];
    }
}
