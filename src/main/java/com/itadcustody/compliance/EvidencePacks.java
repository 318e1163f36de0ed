package com.itadcustody.compliance;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.compliance.EvidencePackView.Scope;
import com.itadcustody.compliance.EvidencePackView.State;
import com.itadcustody.compliance.internal.evidence.EvidencePackRunner;
import com.itadcustody.compliance.internal.evidence.EvidencePackStore;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Evidence packs for auditors (compliance officers and administrators): a zip with an asset's, a lot's or a
 * period's certificates, erasure reports, evidence files, custody envelopes with their inclusion proofs, the covering
 * checkpoints and timestamps, the trust anchors, a SHA-256 manifest and a README with the commands that verify it.
 * Requests are validated at once (422 naming the field and rule) and built in the background with progress.
 */
@Service
public class EvidencePacks {

    /** The most packs one list page shows. */
    public static final int MAX_PAGE_SIZE = 100;

    private final EvidencePackStore store;
    private final EvidencePackRunner runner;
    private final AssetCatalog assets;
    private final Lots lots;
    private final CustodyEvidence custody;
    private final CustodyLog custodyLog;
    private final Clock clock = Clock.systemUTC();

    EvidencePacks(EvidencePackStore store, EvidencePackRunner runner, AssetCatalog assets, Lots lots,
            CustodyEvidence custody, CustodyLog custodyLog) {
        this.store = store;
        this.runner = runner;
        this.assets = assets;
        this.lots = lots;
        this.custody = custody;
        this.custodyLog = custodyLog;
    }

    /**
     * Requests the pack of one asset, given by its id or its tag: 422 {@code required} or {@code unknown-asset} on
     * the field {@code assetId}, or {@code no-custody-events} when the asset has none to prove.
     */
    public EvidencePackView requestForAsset(String idOrTag, Actor actor) {
        requireRole(actor);
        String text = idOrTag == null ? "" : idOrTag.strip();
        if (text.isEmpty()) {
            throw DomainRuleViolated.unprocessable("required", "assetId", "enter an asset's tag or id");
        }
        AssetSummary asset = asset(text).orElseThrow(() -> DomainRuleViolated.unprocessable("unknown-asset",
                "assetId", "no asset has the tag or id " + text));
        if (!custodyLog.hasEvents(asset.id())) {
            throw DomainRuleViolated.unprocessable("no-custody-events", "assetId", "asset " + asset.tag()
                    + " has no custody events yet, so there is nothing to prove");
        }
        return queue(Scope.ASSET, asset.id(), null, null, null, "asset " + asset.tag(), actor);
    }

    /** Requests the pack of a lot's assets: 422 {@code required}, {@code invalid-id} or {@code unknown-lot} on {@code lotId}. */
    public EvidencePackView requestForLot(String lotId, Actor actor) {
        requireRole(actor);
        String text = lotId == null ? "" : lotId.strip();
        if (text.isEmpty()) {
            throw DomainRuleViolated.unprocessable("required", "lotId", "enter a lot's id");
        }
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw DomainRuleViolated.unprocessable("invalid-id", "lotId", "a lot id looks like"
                    + " 3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d; \"" + text + "\" is not one");
        }
        LotView lot;
        try {
            lot = lots.get(id, actor);
        } catch (NotFound e) {
            throw DomainRuleViolated.unprocessable("unknown-lot", "lotId", "no lot has the id " + id);
        }
        return queue(Scope.LOT, null, id, null, null, "lot " + id.toString().substring(0, 8) + " ("
                + lot.items().size() + " asset" + (lot.items().size() == 1 ? "" : "s") + ")", actor);
    }

    /**
     * Requests the pack of every asset with custody events recorded from {@code from} to {@code to} (UTC days,
     * inclusive): 422 {@code required} on a missing date, {@code period-reversed} (field {@code to}) when the end is
     * before the start, {@code in-the-future} when the start is after today, {@code no-custody-events} when nothing
     * was recorded then.
     */
    public EvidencePackView requestForPeriod(LocalDate from, LocalDate to, Actor actor) {
        requireRole(actor);
        if (from == null) {
            throw DomainRuleViolated.unprocessable("required", "from", "enter the period's first day");
        }
        if (to == null) {
            throw DomainRuleViolated.unprocessable("required", "to", "enter the period's last day");
        }
        if (to.isBefore(from)) {
            throw DomainRuleViolated.unprocessable("period-reversed", "to", "the last day (" + to
                    + ") is before the first day (" + from + ")");
        }
        LocalDate today = LocalDate.now(clock);
        if (from.isAfter(today)) {
            throw DomainRuleViolated.unprocessable("in-the-future", "from", "the first day (" + from
                    + ") is after today (" + today + ", UTC)");
        }
        if (custody.entriesRecordedBetween(EvidencePackRunner.startOf(from), EvidencePackRunner.startOf(
                to.plusDays(1))) == 0) {
            throw DomainRuleViolated.unprocessable("no-custody-events", "from", "no custody events were recorded"
                    + " from " + from + " to " + to + " (UTC)");
        }
        return queue(Scope.PERIOD, null, null, from, to, "custody events from " + from + " to " + to + " (UTC)",
                actor);
    }

    /** One page of packs, newest first (page from 0, size 1 to {@value #MAX_PAGE_SIZE}). */
    public PageResult<EvidencePackView> list(int page, int size, Actor actor) {
        requireRole(actor);
        int p = Math.max(0, page);
        int s = Math.min(MAX_PAGE_SIZE, Math.max(1, size));
        return PageResult.of(store.page(p, s), p, s, store.count());
    }

    /** The pack; 404 if there is none. */
    public EvidencePackView get(UUID id, Actor actor) {
        requireRole(actor);
        return store.find(id).orElseThrow(() -> new NotFound("evidence pack", id));
    }

    /** The built pack's zip; 404 if there is no such pack, 409 {@code pack-not-ready} while it is not built. */
    public EvidencePackFile file(UUID id, Actor actor) {
        EvidencePackView pack = get(id, actor);
        if (pack.state() != State.DONE) {
            throw DomainRuleViolated.conflict("pack-not-ready", null, pack.state() == State.FAILED
                    ? "this pack could not be built: " + pack.error() : "this pack is still being built");
        }
        Path zip = runner.directory().resolve(id + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new NotFound("evidence pack file", id);
        }
        return new EvidencePackFile(zip, pack.fileName(), pack.sizeBytes(), pack.sha256());
    }

    private EvidencePackView queue(Scope scope, UUID assetId, UUID lotId, LocalDate from, LocalDate to,
            String label, Actor actor) {
        EvidencePackView pack = new EvidencePackView(UUID.randomUUID(), scope, assetId, lotId, from, to, label,
                State.QUEUED, 0, 0, null, null, null, null, actor.userId(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
        store.insert(pack);
        runner.submit(pack, actor);
        return pack;
    }

    private Optional<AssetSummary> asset(String text) {
        try {
            UUID id = UUID.fromString(text);
            try {
                return Optional.of(assets.describe(id));
            } catch (NotFound e) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notAnId) {
            return assets.findByTag(text);
        }
    }

    private static void requireRole(Actor actor) {
        if (!actor.has(Role.COMPLIANCE) && !actor.has(Role.ADMIN)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null,
                    "only compliance officers and administrators build evidence packs");
        }
    }
}
