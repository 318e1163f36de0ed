package com.itadcustody.partner.portal;

import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.retirement.SanitizationReport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The portal's record of sanitizing one medium on site: method (technique), tool and version, operator, result
 * and when; written as the retirement module's {@link SanitizationReport}, whose rules (the REST API's) apply too.
 */
public class SanitizationForm {

    private String operatorName;
    private String operatorTitle;
    private String operatorOrganisation;
    private String operatorLocation;
    private SanitizationTechnique technique;
    private String methodDetails;
    private String tool;
    private String toolVersion;
    private VerificationMethod verificationMethod = VerificationMethod.FULL;
    private Boolean passed;
    private String postSanitizationClassification = "Unclassified";
    private String notes;
    private String completedAt;
    private MultipartFile report;

    /** Checks what the form itself must know (the date and time, the result); the rest is the record's rules. */
    void check(Errors errors) {
        if (passed == null) {
            errors.rejectValue("passed", "required", "Say whether the sanitization passed or failed.");
        }
        if (completedAt == null || completedAt.isBlank()) {
            errors.rejectValue("completedAt", "required", "Give the date and time (UTC) it finished.");
        } else if (completedAt() == null) {
            errors.rejectValue("completedAt", "date-time", "Give the date and time as 2026-01-31T14:30 (UTC).");
        } else if (completedAt().isAfter(Instant.now())) {
            errors.rejectValue("completedAt", "past-or-present", "The sanitization cannot finish in the future.");
        }
    }

    /** The retirement module's record, with the attached report's name and SHA-256 in the notes. */
    SanitizationReport toReport(String attachment) {
        String allNotes = blank(notes) ? attachment : attachment == null ? notes.strip()
                : notes.strip() + " " + attachment;
        return new SanitizationReport(new Person(strip(operatorName), strip(operatorTitle),
                strip(operatorOrganisation), strip(operatorLocation), null), technique, strip(methodDetails),
                strip(tool), strip(toolVersion), verificationMethod, passed, strip(postSanitizationClassification),
                null, allNotes, completedAt());
    }

    /** Maps a field of {@link SanitizationReport} (as its validator names it) to this form's field. */
    static String formField(String reportPath) {
        return switch (reportPath) {
            case "performedBy.name" -> "operatorName";
            case "performedBy.title" -> "operatorTitle";
            case "performedBy.organisation" -> "operatorOrganisation";
            case "performedBy.location" -> "operatorLocation";
            case "performedBy" -> "operatorName";
            case "destinationDetails" -> "notes";
            default -> reportPath;
        };
    }

    private Instant completedAt() {
        try {
            return completedAt == null ? null : LocalDateTime.parse(completedAt.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getOperatorName() { return operatorName; }
    public void setOperatorName(String operatorName) { this.operatorName = operatorName; }
    public String getOperatorTitle() { return operatorTitle; }
    public void setOperatorTitle(String operatorTitle) { this.operatorTitle = operatorTitle; }
    public String getOperatorOrganisation() { return operatorOrganisation; }
    public void setOperatorOrganisation(String value) { this.operatorOrganisation = value; }
    public String getOperatorLocation() { return operatorLocation; }
    public void setOperatorLocation(String operatorLocation) { this.operatorLocation = operatorLocation; }
    public SanitizationTechnique getTechnique() { return technique; }
    public void setTechnique(SanitizationTechnique technique) { this.technique = technique; }
    public String getMethodDetails() { return methodDetails; }
    public void setMethodDetails(String methodDetails) { this.methodDetails = methodDetails; }
    public String getTool() { return tool; }
    public void setTool(String tool) { this.tool = tool; }
    public String getToolVersion() { return toolVersion; }
    public void setToolVersion(String toolVersion) { this.toolVersion = toolVersion; }
    public VerificationMethod getVerificationMethod() { return verificationMethod; }
    public void setVerificationMethod(VerificationMethod value) { this.verificationMethod = value; }
    public Boolean getPassed() { return passed; }
    public void setPassed(Boolean passed) { this.passed = passed; }
    public String getPostSanitizationClassification() { return postSanitizationClassification; }
    public void setPostSanitizationClassification(String value) { this.postSanitizationClassification = value; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getCompletedAt() { return completedAt; }
    public void setCompletedAt(String completedAt) { this.completedAt = completedAt; }

    /** The erasure report file, kept as the retirement's evidence (optional). */
    public MultipartFile getReport() { return report; }
    /** Sets the erasure report file. */
    public void setReport(MultipartFile report) { this.report = report; }
}
