package com.itadcustody.console.work;

import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The start-a-retirement form: the assets (ids from a selection, or a CSV file), and the fields of the REST API's
 * start request (reason, data confidentiality, destination of the media, and the vendor that sanitizes on site when
 * IT staff do not do it in-house).
 */
public class StartForm {

    private List<UUID> assetId = new ArrayList<>();
    private String reason;
    private DataConfidentiality confidentiality;
    private AssetDestination destination;
    private UUID sanitizationVendorId;
    private MultipartFile file;

    /** Checks the fields as the REST API's start request does (same limits, same field names). */
    void check(Errors errors) {
        if (reason == null || reason.isBlank()) {
            errors.rejectValue("reason", "required", "Say why the assets are retired.");
        } else if (reason.length() > 2000) {
            errors.rejectValue("reason", "max-length", "At most 2,000 characters.");
        }
        if (confidentiality == null) {
            errors.rejectValue("confidentiality", "required", "Choose how confidential the data is.");
        }
        if (destination == null) {
            errors.rejectValue("destination", "required", "Choose where the media go next.");
        }
    }

    /** The reason without surrounding blanks. */
    String strippedReason() {
        return reason.strip();
    }

    /** The selected assets' ids. */
    public List<UUID> getAssetId() { return assetId; }
    /** Sets the selected assets' ids. */
    public void setAssetId(List<UUID> assetId) { this.assetId = assetId == null ? new ArrayList<>() : assetId; }
    /** Why the assets are retired. */
    public String getReason() { return reason; }
    /** Sets the reason. */
    public void setReason(String reason) { this.reason = reason; }
    /** The data's confidentiality. */
    public DataConfidentiality getConfidentiality() { return confidentiality; }
    /** Sets the data's confidentiality. */
    public void setConfidentiality(DataConfidentiality confidentiality) { this.confidentiality = confidentiality; }
    /** Where the media go next. */
    public AssetDestination getDestination() { return destination; }
    /** Sets where the media go next. */
    public void setDestination(AssetDestination destination) { this.destination = destination; }
    /** The vendor that sanitizes on site, or null for in-house. */
    public UUID getSanitizationVendorId() { return sanitizationVendorId; }
    /** Sets the on-site vendor. */
    public void setSanitizationVendorId(UUID sanitizationVendorId) { this.sanitizationVendorId = sanitizationVendorId; }
    /** The uploaded CSV file of assets. */
    public MultipartFile getFile() { return file; }
    /** Sets the uploaded file. */
    public void setFile(MultipartFile file) { this.file = file; }
}
