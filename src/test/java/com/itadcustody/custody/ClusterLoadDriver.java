package com.itadcustody.custody;

import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.shared.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test-only load for {@link CustodyClusterTests}: in an application node started as a separate process, appends
 * events from several threads, each in its own transaction, then writes {@code done} into the node's data
 * directory; while the node holds the sequencer lock it keeps a {@code leader} file there.
 */
@Component
@ConditionalOnProperty("itad.test.load.events")
class ClusterLoadDriver {

    private final CustodyLog custody;
    private final CustodySequencer sequencer;
    private final TransactionTemplate tx;
    private final int events;
    private final int threads;
    private final String node;
    private final Path dataDir;

    ClusterLoadDriver(CustodyLog custody, CustodySequencer sequencer, TransactionTemplate tx,
            @Value("${itad.test.load.events}") int events, @Value("${itad.test.load.threads:16}") int threads,
            @Value("${itad.test.load.node}") String node, @Value("${itad.data-dir}") Path dataDir) {
        this.custody = custody;
        this.sequencer = sequencer;
        this.tx = tx;
        this.events = events;
        this.threads = threads;
        this.node = node;
        this.dataDir = dataDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        watch.scheduleWithFixedDelay(() -> mark("leader", sequencer.isLeader()), 0, 50, TimeUnit.MILLISECONDS);
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = thread; i < events; i += threads) {
                    UUID asset = new UUID(node.hashCode(), i % 500);
                    int n = i;
                    tx.executeWithoutResult(status -> custody.append(CustodyEvent.now(asset, null, "CLUSTER_LOAD",
                            Actor.system(), Map.of("node", node, "n", n))));
                }
                finished.countDown();
            }, "load-" + t);
            worker.start();
        }
        Thread done = new Thread(() -> {
            try {
                finished.await();
                mark("done", true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        done.start();
    }

    private void mark(String name, boolean present) {
        try {
            Path file = dataDir.resolve(name);
            if (present) {
                Files.writeString(file, node);
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
