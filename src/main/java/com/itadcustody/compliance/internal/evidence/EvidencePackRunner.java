package com.itadcustody.compliance.internal.evidence;

import com.itadcustody.compliance.EvidencePackView;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DataSettings;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds requested evidence packs in the background, one at a time per node (a pack reads much and writes one file):
 * resolves the pack's assets, writes the zip under {@code <data dir>/evidence-packs/} and records progress (one
 * step per asset plus the closing step), the file and its SHA-256, or the reason it failed. Packs that were queued
 * or running when the service stopped are marked failed at the next start.
 */
@Component
public class EvidencePackRunner {

    private static final Logger log = LoggerFactory.getLogger(EvidencePackRunner.class);
    /** Progress is written at most this often (per asset for small packs). */
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final EvidencePackStore store;
    private final EvidencePackBuilder builder;
    private final CustodyEvidence custody;
    private final Lots lots;
    private final Path directory;
    private final ExecutorService executor;

    EvidencePackRunner(EvidencePackStore store, EvidencePackBuilder builder, CustodyEvidence custody, Lots lots,
            DataSettings data, @Value("${itad.compliance.evidence-pack-threads:1}") int threads) {
        this.store = store;
        this.builder = builder;
        this.custody = custody;
        this.lots = lots;
        this.directory = data.resolve("evidence-packs");
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, "evidence-pack");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where the zips are kept. */
    public Path directory() {
        return directory;
    }

    /** Marks packs left unfinished by a previous run as failed, since nothing builds them any more. */
    @EventListener(ApplicationReadyEvent.class)
    void failLeftovers() {
        int failed = store.failUnfinished("the service restarted while this pack was being built; request it again",
                Instant.now());
        if (failed > 0) {
            log.warn("{} evidence pack(s) left unfinished by the previous run were marked failed", failed);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Builds the (already recorded, queued) pack in the background as this actor. */
    public void submit(EvidencePackView pack, Actor actor) {
        executor.execute(() -> run(pack, actor));
    }

    private void run(EvidencePackView pack, Actor actor) {
        Path part = null;
        try {
            List<UUID> assets = assetsOf(pack, actor);
            if (assets.isEmpty()) {
                store.fail(pack.id(), "no asset has custody events in this scope", Instant.now());
                return;
            }
            int total = assets.size() + 1;
            if (!store.start(pack.id(), total, Instant.now())) {
                return;
            }
            Files.createDirectories(directory);
            part = directory.resolve(pack.id() + ".zip.part");
            long[] last = {System.nanoTime()};
            String sha256 = builder.build(pack, assets, actor, part, done -> {
                if (System.nanoTime() - last[0] >= PROGRESS_NANOS || done == assets.size()) {
                    store.progress(pack.id(), done);
                    last[0] = System.nanoTime();
                }
            });
            Path zip = directory.resolve(pack.id() + ".zip");
            Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            store.finish(pack.id(), fileName(pack), Files.size(zip), sha256, Instant.now());
        } catch (DomainRuleViolated | NotFound e) {
            store.fail(pack.id(), e.getMessage(), Instant.now());
        } catch (Exception e) {
            log.error("evidence pack {} failed", pack.id(), e);
            store.fail(pack.id(), "the pack could not be built (" + e.getClass().getSimpleName()
                    + "); the service's log has the details", Instant.now());
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    log.warn("could not delete {}", part, e);
                }
            }
        }
    }

    private List<UUID> assetsOf(EvidencePackView pack, Actor actor) {
        return switch (pack.scope()) {
            case ASSET -> List.of(pack.assetId());
            case LOT -> List.copyOf(new LinkedHashSet<>(lots.get(pack.lotId(), actor).items().stream()
                    .map(LotView.Item::assetId).toList()));
            case PERIOD -> custody.assetsRecordedBetween(startOf(pack.periodFrom()),
                    startOf(pack.periodTo().plusDays(1)));
        };
    }

    /** The first instant of the UTC day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The zip's download name: what it covers and the pack id. */
    static String fileName(EvidencePackView pack) {
        String what = switch (pack.scope()) {
            case ASSET -> "asset-" + pack.assetId();
            case LOT -> "lot-" + pack.lotId();
            case PERIOD -> "period-" + pack.periodFrom() + "-to-" + pack.periodTo();
        };
        return "evidence-pack-" + what + "-" + pack.id().toString().substring(0, 8) + ".zip";
    }
}
