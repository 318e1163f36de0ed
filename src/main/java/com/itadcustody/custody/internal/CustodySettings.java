package com.itadcustody.custody.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the custody log.
 *
 * @param origin the log's origin line in checkpoints (C2SP tlog-checkpoint), unique to this deployment
 * @param signingKey the checkpoint signing key as a signed-note private key ({@code PRIVATE+KEY+...}); blank means
 *     the key file in the data directory, generated on first start
 * @param sequencerInterval how often the sequencer drains the inbox
 * @param batchSize at most this many events per sequencer transaction
 * @param checkpointInterval how often a checkpoint is signed when the tree has grown
 * @param sequencerEnabled whether this node takes part in sequencing (off only for tests and tools)
 * @param tsaUrl an RFC 3161 time-stamping authority to timestamp every checkpoint; blank means none
 */
@ConfigurationProperties("itad.custody")
public record CustodySettings(
        @DefaultValue("localhost/itad-custody") String origin,
        String signingKey,
        @DefaultValue("100ms") Duration sequencerInterval,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("5s") Duration checkpointInterval,
        @DefaultValue("true") boolean sequencerEnabled,
        String tsaUrl) {
}
