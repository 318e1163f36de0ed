package com.itadcustody.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A requested evidence pack and how far its background build has come.
 *
 * @param id the pack
 * @param scope what it covers: one asset, a lot, or a period
 * @param assetId the asset, for scope ASSET
 * @param lotId the lot, for scope LOT
 * @param periodFrom the first UTC day, for scope PERIOD
 * @param periodTo the last UTC day (inclusive), for scope PERIOD
 * @param label what it covers, in words
 * @param state QUEUED, RUNNING, DONE or FAILED
 * @param done how many steps are done (one per asset, plus the closing step)
 * @param total how many steps there are (0 until the assets are known)
 * @param error why the build failed, in plain words; null unless FAILED
 * @param fileName the zip's file name, once DONE
 * @param sizeBytes the zip's size, once DONE
 * @param sha256 the zip's SHA-256 in lower-case hex, once DONE
 * @param requestedBy who asked for it
 * @param requestedAt when
 * @param startedAt when the build started
 * @param finishedAt when it ended (done or failed)
 */
public record EvidencePackView(UUID id, Scope scope, UUID assetId, UUID lotId, LocalDate periodFrom,
        LocalDate periodTo, String label, State state, int done, int total, String error, String fileName,
        Long sizeBytes, String sha256, UUID requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt) {

    /** What a pack covers. */
    public enum Scope { ASSET, LOT, PERIOD }

    /** Where a pack's build stands. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** Whether the build has ended, built or failed. */
    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
