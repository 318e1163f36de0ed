/**
 * The registry of ITAD vendor organisations: contacts, sites, certifications with their documents and status, and
 * each vendor's webhook secret. Depends on nothing but {@code shared}, so {@code retirement} can ask it whether a
 * vendor may take a handoff (ADR 12).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vendors")
package com.itadcustody.vendor;
