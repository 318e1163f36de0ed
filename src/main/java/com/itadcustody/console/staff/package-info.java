/**
 * The staff console's everyday read pages (dashboard, assets, custody entries, lots, certificates) for IT staff,
 * asset managers, verifiers, compliance officers and administrators; vendors are sent to the partner portal.
 */
package com.itadcustody.console.staff;
