/**
 * Notifications: e-mail to the people a workflow event concerns (the vendor when a lot is ready for pickup, IT staff
 * on receipt discrepancies and failed sanitizations, the asset managers on SLA breaches), written to an outbox in the
 * event's own transaction and sent from there with retries through Spring Integration's mail adapter (ADR 12, 15).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package com.itadcustody.notification;
