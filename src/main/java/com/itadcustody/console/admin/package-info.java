/**
 * The staff console's administration pages (ADMIN only): users and roles, vendors and their certifications,
 * de-provisioning connector settings, signing keys and SLA durations. Every change goes through the owning module's
 * API, with the same rules as the REST API, and is recorded there with who made it.
 */
package com.itadcustody.console.admin;
