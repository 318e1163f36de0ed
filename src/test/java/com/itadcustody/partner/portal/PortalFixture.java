package com.itadcustody.partner.portal;

import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.Users;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DispositionDetails;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.Settlement;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.retirement.VendorLots;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationContext;

/**
 * Sets up vendors, vendor users with known passwords, and lots of certified assets handed to a vendor, through the
 * module APIs as the right people (as the retirement module's own driver does), for the portal and isolation tests.
 * Waits for the engine's asynchronous steps by retrying a call while its step is not open yet.
 */
public final class PortalFixture {

    /** The password of every vendor user this fixture makes. */
    public static final String PASSWORD = "portal-test-password-1";

    private static final Person OPERATOR = new Person("Alex Operator", "Technician", "Example Corp IT", "Berlin", null);
    private static final Person VALIDATOR = new Person("Sam Verifier", "Verifier", "Example Corp IT", "Berlin", null);

    public final Actor staff = actor(Role.IT_STAFF, null);
    public final Actor manager = actor(Role.ASSET_MANAGER, null);
    public final Actor verifier = actor(Role.VERIFIER, null);
    public final Actor admin = actor(Role.ADMIN, null);

    private final AssetRegistry assets;
    private final Retirements retirements;
    private final Lots lots;
    private final Vendors vendors;
    private final Users users;
    private final VendorLots vendorLots;

    private PortalFixture(ApplicationContext context) {
        this.assets = context.getBean(AssetRegistry.class);
        this.retirements = context.getBean(Retirements.class);
        this.lots = context.getBean(Lots.class);
        this.vendors = context.getBean(Vendors.class);
        this.users = context.getBean(Users.class);
        this.vendorLots = context.getBean(VendorLots.class);
    }

    /** The fixture on a running application. */
    public static PortalFixture from(ApplicationContext context) {
        return new PortalFixture(context);
    }

    /** An actor with this role (and vendor organisation, for VENDOR) and a random id. */
    public static Actor actor(Role role, UUID vendorId) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase(), Set.of(role), vendorId);
    }

    /** A vendor organisation with an R2v3 certification valid for a year either side of today. */
    public UUID certifiedVendor(String name) {
        UUID id = vendors.register(name + " " + UUID.randomUUID().toString().substring(0, 8), admin).id();
        vendors.addCertification(id, "R2v3", "R2-" + UUID.randomUUID().toString().substring(0, 6), "SERI",
                LocalDate.now().minusYears(1), LocalDate.now().plusYears(1), admin);
        return id;
    }

    /** A signed-in-able user (password {@link #PASSWORD}) with these roles; returns the username. */
    public String user(String prefix, Role role, UUID vendorId) {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        users.register(new NewUser(username, "Portal test " + username, username + "@test.itadcustody.invalid",
                PASSWORD, Set.of(role), vendorId), Actor.system());
        return username;
    }

    /** A vendor user's actor, for calls through the module APIs as that vendor. */
    public Actor vendorActor(UUID vendorId) {
        return actor(Role.VENDOR, vendorId);
    }

    /** A retirement of a new laptop, approved, prepared, its medium sanitized, verified and certified. */
    public UUID certifiedRetirement() {
        Asset asset = assets.register(AssetFixtures.anyLaptop(), staff);
        UUID id = retirements.request(asset.id(), "Portal test", DataConfidentiality.LOW,
                AssetDestination.LEAVES_ORGANISATION, staff).id();
        prepare(id);
        for (SanitizationPlanItem medium : retirements.sanitizationPlan(id)) {
            when(() -> retirements.recordSanitization(id, medium.mediumId(), report(medium), staff));
            when(() -> retirements.recordVerification(id, medium.mediumId(), new VerificationReport(VALIDATOR,
                    VerificationMethod.FULL, true, "No data recovered", null), verifier));
        }
        return id;
    }

    /** A retirement whose medium the vendor sanitizes on site; returns once its sanitization step is open. */
    public UUID retirementSanitizedOnSiteBy(UUID vendorId) {
        Asset asset = assets.register(AssetFixtures.anyLaptop(), staff);
        UUID id = retirements.request(asset.id(), "Portal test on site", DataConfidentiality.LOW,
                AssetDestination.LEAVES_ORGANISATION, vendorId, staff).id();
        prepare(id);
        Actor vendor = vendorActor(vendorId);
        await().atMost(Duration.ofSeconds(60)).until(() -> retirements.tasksFor(vendor).stream()
                .anyMatch(t -> id.equals(t.retirementId()) && "Task_SanitizeMedium".equals(t.step())));
        return id;
    }

    /** A lot of {@code count} certified assets for the vendor, its manifest signed off (pickup waits). */
    public UUID lotSignedOff(UUID vendorId, int count) {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = certifiedRetirement();
        }
        LotView lot = when(() -> lots.create(vendorId, Arrays.stream(ids).map(id -> new Lots.NewItem(id,
                "SEAL-" + id.toString().substring(0, 6))).toList(), "DHL Freight", "TRK-" + UUID.randomUUID()
                .toString().substring(0, 8), "Dock 3, Mo-Fr 8-16", staff));
        when(() -> lots.signOff(lot.id(), staff));
        awaitLotAt(lot.id(), "Task_ConfirmPickup");
        return lot.id();
    }

    /** A lot picked up and fully received by the vendor; returns once its assets wait for grading. */
    public UUID lotReceived(UUID vendorId, int count) {
        UUID lot = lotSignedOff(vendorId, count);
        Actor vendor = vendorActor(vendorId);
        lots.confirmPickup(lot, vendor);
        awaitLotAt(lot, "Task_ReconcileReceipt");
        when(() -> lots.reconcileReceipt(lot, lots.get(lot, staff).items().stream()
                .map(LotView.Item::assetSerial).toList(), vendor));
        for (LotView.Item item : lots.get(lot, staff).items()) {
            awaitRetirementAt(item.retirementId(), "Task_ProcessAsset");
        }
        return lot;
    }

    /** The vendor's resale of a received asset, IT staff's settlement, and the certificate of disposition. */
    public String resoldAndClosed(UUID retirementId, UUID vendorId) {
        when(() -> retirements.recordVendorProcessing(retirementId, new VendorProcessing("A", true,
                DispositionMethod.RESALE, null, null, "Leipzig", Instant.now().minusSeconds(60),
                DispositionDetails.resale(new BigDecimal("310.00"), "EUR", "B-1042")), vendorActor(vendorId)));
        settle(retirementId);
        await().atMost(Duration.ofSeconds(60)).until(() -> retirements.get(retirementId).status().name()
                .equals("CLOSED"));
        return certificateOf(retirementId, vendorId);
    }

    /** IT staff settle the retirement once its settlement step is open. */
    public void settle(UUID retirementId) {
        when(() -> retirements.settle(retirementId, new Settlement(new BigDecimal("310.00"), new BigDecimal("25.00"),
                "EUR"), staff));
    }

    /** IT staff resolve the lot's open discrepancies: missing ones with this resolution. */
    public void resolveMissing(UUID lotId, String resolution) {
        when(() -> lots.resolveDiscrepancies(lotId, lots.get(lotId, staff).discrepancies().stream()
                .filter(d -> d.resolution() == null).map(d -> new Lots.Resolution(d.serial(),
                        d.kind().equals("MISSING") ? resolution : "RETURNED_TO_SENDER")).toList(), staff));
    }

    /** The number of the retirement's certificate of disposition (null before it is issued). */
    public String certificateOf(UUID retirementId, UUID vendorId) {
        return vendorLots.disposal(retirementId, vendorActor(vendorId)).dispositionCertificate();
    }

    /** Waits until the lot waits at this step. */
    public void awaitLotAt(UUID lotId, String step) {
        await().atMost(Duration.ofSeconds(60)).until(() -> step.equals(lots.get(lotId, staff).openTask()));
    }

    /** Waits until the retirement waits at this step. */
    public void awaitRetirementAt(UUID retirementId, String step) {
        await().atMost(Duration.ofSeconds(60)).until(() -> step.equals(retirements.get(retirementId).openTask()));
    }

    /** The vendor's open steps. */
    public List<RetirementTask> tasksOf(UUID vendorId) {
        return retirements.tasksFor(vendorActor(vendorId));
    }

    private void prepare(UUID id) {
        when(() -> retirements.decide(id, true, null, manager));
        when(() -> retirements.attestDeprovisioning(id, Arrays.stream(DeprovisioningAttestation.System.values())
                .map(s -> new DeprovisioningAttestation(s, DeprovisioningAttestation.Outcome.DONE, "Ticket IT-" + s))
                .toList(), staff));
        await().atMost(Duration.ofSeconds(60)).until(() -> !retirements.sanitizationPlan(id).isEmpty());
    }

    private static SanitizationReport report(SanitizationPlanItem medium) {
        boolean destroy = medium.methodType().equals("DESTROY");
        return new SanitizationReport(OPERATOR, SanitizationTechnique.valueOf(medium.technique()),
                destroy ? "Shredded on site" : null, destroy ? null : "nwipe", destroy ? null : "0.37",
                VerificationMethod.FULL, true, "Unclassified", null, null, Instant.now().minusSeconds(60));
    }

    /** Calls the step, retrying while the engine has not opened it yet (or the lot's media are not certified yet). */
    public static <T> T when(Callable<T> step) {
        Object[] result = new Object[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(e -> e instanceof DomainRuleViolated d && (d.rule().startsWith("step-not")
                        || d.rule().equals("not-ready-for-handoff")))
                .until(() -> {
                    result[0] = step.call();
                    return true;
                });
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
