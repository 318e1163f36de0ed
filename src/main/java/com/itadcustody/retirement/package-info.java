/**
 * Retirement workflow: retirement requests, lots and the BPMN glue ({@code retirement.process}, the only
 * package allowed to use the Camunda engine API).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retirement workflow")
package com.itadcustody.retirement;
