package com.itadcustody.retirement;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;

/**
 * What became of one entry of {@link Retirements#recordSanitizations}: recorded, or refused before anything was
 * changed for it, with exactly the exception {@link Retirements#recordSanitization} would have thrown.
 *
 * @param refusal null when recorded; otherwise a {@link DomainRuleViolated} or a {@link NotFound}
 */
public record SanitizationOutcome(RuntimeException refusal) {

    /** The entry was recorded (its transaction still has to commit). */
    public static final SanitizationOutcome RECORDED = new SanitizationOutcome(null);

    /** Whether the entry was recorded. */
    public boolean recorded() {
        return refusal == null;
    }
}
