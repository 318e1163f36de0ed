package com.itadcustody.custody.internal;

import com.itadcustody.custody.internal.LogAudit.Report;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds entries in sequence order to a {@link LogVerifier}, making their order-independent checks
 * ({@link LogVerifier#check}: leaf hash, canonical form, fields) in batches on a pool of threads while the feeding
 * thread completes them in order ({@link LogVerifier#visit(LogVerifier.Checked)}). The outcome, including which
 * failure is reported, is the same as visiting every entry on one thread. At most a few batches are held in
 * memory: feeding waits for the oldest batch when too many are in flight. One thread feeds; close it to stop the
 * pool.
 */
public final class PipelinedLogVerifier implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final LogVerifier verifier;
    private final ExecutorService pool;
    private final int batchSize;
    private final int maxInFlight;
    private final ArrayDeque<Future<Checked>> inFlight = new ArrayDeque<>();
    private volatile boolean stopped;
    private Batch batch;

    /** A pipeline into {@code verifier} that checks batches of {@code batchSize} entries on {@code threads} threads. */
    public PipelinedLogVerifier(LogVerifier verifier, int threads, int batchSize) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be positive");
        }
        this.verifier = verifier;
        this.batchSize = batchSize;
        this.maxInFlight = 2 * threads;
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "custody-log-check-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.batch = new Batch(batchSize);
    }

    /**
     * Adds the next entry (arguments as for {@link LogVerifier#visit(long, UUID, UUID, byte[], byte[], byte[])});
     * false once a failure was found, after which further entries are ignored and need not be read.
     */
    public boolean add(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] storedLeaf, byte[] treeLeaf) {
        if (stopped) {
            return false;
        }
        batch.add(seq, eventId, assetId, envelope, storedLeaf, treeLeaf);
        if (batch.size == batchSize) {
            submit();
            // complete the batches already checked, and wait for the oldest while too many are in flight
            while (!inFlight.isEmpty() && !stopped && (inFlight.size() > maxInFlight || inFlight.peek().isDone())) {
                complete(inFlight.poll());
            }
        }
        return !stopped;
    }

    /** Completes the checks of every entry added and returns the verifier's result ({@link LogVerifier#finish}). */
    public Report finish() {
        if (!stopped && batch.size > 0) {
            submit();
        }
        while (!inFlight.isEmpty() && !stopped) {
            complete(inFlight.poll());
        }
        return verifier.finish();
    }

    /** Stops the pool; batches still in flight are abandoned. */
    @Override
    public void close() {
        stopped = true;
        pool.shutdownNow();
    }

    private void submit() {
        Batch rows = batch;
        batch = new Batch(batchSize);
        inFlight.add(pool.submit(() -> rows.check(this)));
    }

    private void complete(Future<Checked> future) {
        Checked checked;
        try {
            checked = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while checking the log", e);
        } catch (ExecutionException e) {
            stop();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("checking the log failed", e.getCause());
        } catch (CancellationException e) {
            stop();
            throw new IllegalStateException("checking the log was cancelled", e);
        }
        for (int i = 0; i < checked.count(); i++) {
            verifier.visit(checked.entries()[i]);
            if (verifier.failure() != null) {
                stop();
                return;
            }
        }
        if (checked.error() != null) {
            // thrown by the check of the entry after the last one visited, as visiting it alone would have
            stop();
            throw checked.error();
        }
    }

    /** A batch's entries checked, the first {@code count} of them; {@code error} if the next one's check threw. */
    private record Checked(LogVerifier.Checked[] entries, int count, RuntimeException error) {
    }

    private void stop() {
        stopped = true;
        for (Future<?> f : inFlight) {
            f.cancel(false);
        }
        inFlight.clear();
    }

    /** Up to one batch of rows, as read. */
    private static final class Batch {
        final long[] seqs;
        final UUID[] eventIds;
        final UUID[] assetIds;
        final byte[][] envelopes;
        final byte[][] storedLeaves;
        final byte[][] treeLeaves;
        int size;

        Batch(int capacity) {
            seqs = new long[capacity];
            eventIds = new UUID[capacity];
            assetIds = new UUID[capacity];
            envelopes = new byte[capacity][];
            storedLeaves = new byte[capacity][];
            treeLeaves = new byte[capacity][];
        }

        void add(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] storedLeaf, byte[] treeLeaf) {
            seqs[size] = seq;
            eventIds[size] = eventId;
            assetIds[size] = assetId;
            envelopes[size] = envelope;
            storedLeaves[size] = storedLeaf;
            treeLeaves[size] = treeLeaf;
            size++;
        }

        Checked check(PipelinedLogVerifier pipeline) {
            LogVerifier.Checked[] checked = new LogVerifier.Checked[size];
            int i = 0;
            try {
                // once the pipeline stopped (a failure was found, or it was closed) the rest is not needed
                for (; i < size && !pipeline.stopped; i++) {
                    checked[i] = LogVerifier.check(seqs[i], eventIds[i], assetIds[i], envelopes[i],
                            storedLeaves[i], treeLeaves[i]);
                }
            } catch (RuntimeException e) {
                return new Checked(checked, i, e);
            }
            return new Checked(checked, i, null);
        }
    }
}
