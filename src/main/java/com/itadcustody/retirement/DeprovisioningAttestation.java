package com.itadcustody.retirement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * IT staff's attestation that the asset was removed from one system, with its evidence.
 *
 * @param system the system
 * @param outcome done, or not applicable to this asset
 * @param evidence a ticket id, a connector's response id, or what was checked
 */
public record DeprovisioningAttestation(@NotNull System system, @NotNull Outcome outcome,
        @NotBlank @Size(max = 2000) String evidence) {

    /** The systems an asset is removed from (R2v3 Appendix B(12)). */
    public enum System {
        /** Mobile device management: retire or wipe. */
        MDM,
        /** Directory computer object disabled. */
        DIRECTORY,
        /** Device certificates revoked. */
        DEVICE_CERTIFICATES,
        /** Remote and cloud accounts and pairings removed. */
        REMOTE_ACCOUNTS
    }

    /** What happened for one system. */
    public enum Outcome { DONE, NOT_APPLICABLE }
}
