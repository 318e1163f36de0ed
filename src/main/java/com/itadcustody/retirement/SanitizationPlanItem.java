package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * The NIST SP 800-88 method decided for one storage medium of a retired asset.
 *
 * @param mediumId the medium
 * @param mediumSerial its serial number
 * @param mediaType its type
 * @param methodType Clear, Purge or Destroy
 * @param technique the technique to use
 * @param guidance what the operator does, in words
 * @param decidedAt when the decision was made
 */
public record SanitizationPlanItem(UUID mediumId, String mediumSerial, String mediaType, String methodType,
        String technique, String guidance, Instant decidedAt) {
}
