package com.itadcustody.retirement;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a runtime setting of the retirement module (an SLA duration, a de-provisioning connector), as the
 * admin pages show it.
 *
 * @param id the change's id
 * @param setting which setting, e.g. {@code sla.APPROVAL} or {@code connector.MDM}
 * @param oldValue the value before, as text ({@code configuration: ...} while configuration applied)
 * @param newValue the value after, as text
 * @param changedAt when
 * @param changedBy who (a user id)
 */
public record SettingChange(UUID id, String setting, String oldValue, String newValue, Instant changedAt,
        UUID changedBy) {
}
