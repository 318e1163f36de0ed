/**
 * The compliance pages of the staff console (compliance officers and administrators, read-only): custody
 * checkpoints and the full audit, the history of certificate verifications, and the period reports with their CSV
 * and signed PDF exports. The services behind them are in the {@code compliance} module.
 */
package com.itadcustody.console.compliance;
