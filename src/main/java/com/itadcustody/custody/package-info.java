/**
 * Custody log: the append-only record of everything that happens to an asset. Every other module calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custody log")
package com.itadcustody.custody;
