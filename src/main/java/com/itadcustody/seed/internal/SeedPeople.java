package com.itadcustody.seed.internal;

import com.itadcustody.shared.Actor;
import java.util.Map;
import java.util.UUID;

/**
 * The generator's users (registered through the identity module, so pages show their names) and vendors.
 *
 * @param staff IT staff: requests, backups, de-provisioning, sanitization, lots, settlements
 * @param manager the asset manager: approvals and escalations
 * @param verifier the verifier of sanitized media
 * @param vendors one vendor user per vendor, by vendor id
 */
record SeedPeople(Actor staff, Actor manager, Actor verifier, Map<UUID, Actor> vendors) {
}
