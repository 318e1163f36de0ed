/**
 * Shared infrastructure every module may use: database bootstrap (embedded or external PostgreSQL),
 * problem details for errors, and the acting-user abstraction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared infrastructure")
package com.itadcustody.shared;
