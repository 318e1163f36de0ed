package com.itadcustody.partner.webhook;

import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.VendorProcessing;
import java.util.List;
import java.util.UUID;

/**
 * One event a vendor's system posts (docs/api.md, "Vendor webhooks"); which fields it needs depends on
 * {@code event}.
 *
 * @param event {@code pickup_confirmed}, {@code received}, {@code sanitized} or {@code processed}
 * @param lotId the lot (pickup_confirmed, received; processed with assetSerial)
 * @param serials every asset serial received (received)
 * @param retirementId the asset's retirement (sanitized; processed unless lotId and assetSerial are given)
 * @param assetSerial the asset's serial in the lot (processed, instead of retirementId)
 * @param mediumId the medium (sanitized, or mediumSerial)
 * @param mediumSerial the medium's serial (sanitized, instead of mediumId)
 * @param sanitization the sanitization record (sanitized)
 * @param processing the grading and final disposition (processed)
 */
record WebhookEvent(String event, UUID lotId, List<String> serials, UUID retirementId, String assetSerial,
        UUID mediumId, String mediumSerial, SanitizationReport sanitization, VendorProcessing processing) {
}
