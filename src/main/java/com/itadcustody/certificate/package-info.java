/**
 * Certificates of sanitization and disposition: data, PDF rendering and signing (only this module's
 * internals may use iText and Bouncy Castle), registry and verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificates")
package com.itadcustody.certificate;
