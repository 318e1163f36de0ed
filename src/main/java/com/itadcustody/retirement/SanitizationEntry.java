package com.itadcustody.retirement;

import java.util.UUID;

/**
 * One medium's sanitization in a batch ({@link Retirements#recordSanitizations}): which medium of which retirement,
 * and the report of what was done.
 *
 * @param retirementId the retirement
 * @param mediumId the medium, planned in that retirement
 * @param report what was done, as {@link Retirements#recordSanitization} takes it
 */
public record SanitizationEntry(UUID retirementId, UUID mediumId, SanitizationReport report) {
}
