package com.itadcustody.console.work;

import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.Settlement;
import com.itadcustody.retirement.VerificationReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;

/**
 * Every field a staff task's form may have; each task type uses its own few, turns them into the retirement
 * module's command (the REST API's request types), and the command's Bean Validation and the domain's rules decide.
 * Only what a browser form cannot carry as the command's type (a date and time, a number) is checked here first.
 */
public class TaskForm {

    // approval, escalation acknowledgement
    private Boolean approve;
    private String comment;
    // backup confirmation
    private String backupLocation;
    private boolean nothingToKeep;
    // de-provisioning attestation
    private List<AttestationRow> attestations = new ArrayList<>();
    // sanitization and verification: the person who did it
    private String personName;
    private String personTitle;
    private String personOrganisation;
    private String personLocation;
    // sanitization
    private SanitizationTechnique technique;
    private String methodDetails;
    private String tool;
    private String toolVersion;
    private String postSanitizationClassification = "Unclassified";
    private String completedAt;
    // sanitization and verification
    private VerificationMethod verificationMethod = VerificationMethod.FULL;
    private Boolean passed;
    private String notes;
    private VerificationReport.OnFailure onFailure;
    // settlement
    private String valueRecovered;
    private String fees;
    private String currency;
    // discrepancy resolution
    private List<ResolutionRow> resolutions = new ArrayList<>();

    /** The sanitization record, once {@link #checkSanitization} found no error. */
    SanitizationReport sanitization() {
        return new SanitizationReport(person(), technique, strip(methodDetails), strip(tool), strip(toolVersion),
                verificationMethod, passed, strip(postSanitizationClassification), null, strip(notes),
                instant(completedAt));
    }

    /** What the sanitization form must know before the record's own rules apply: a readable time, a result. */
    void checkSanitization(Errors errors) {
        if (passed == null) {
            errors.rejectValue("passed", "required", "Say whether the sanitization passed or failed.");
        }
        if (completedAt == null || completedAt.isBlank()) {
            errors.rejectValue("completedAt", "required", "Give the date and time (UTC) it finished.");
        } else if (instant(completedAt) == null) {
            errors.rejectValue("completedAt", "date-time", "Give the date and time as 2026-01-31T14:30 (UTC).");
        }
    }

    /** The verification report. */
    VerificationReport verification() {
        return new VerificationReport(person(), verificationMethod, passed, strip(notes), onFailure);
    }

    /** What the verification form must know: a result, and what happens on failure. */
    void checkVerification(Errors errors) {
        if (passed == null) {
            errors.rejectValue("passed", "required", "Say whether the verification passed (no data recovered).");
        }
    }

    /** The settlement, once {@link #checkSettlement} found no error. */
    Settlement settlement() {
        return new Settlement(decimal(valueRecovered), decimal(fees), strip(currency));
    }

    /** The amounts must be numbers. */
    void checkSettlement(Errors errors) {
        checkDecimal(errors, "valueRecovered", valueRecovered, "Give the value recovered (0 when none).");
        checkDecimal(errors, "fees", fees, "Give the vendor's fees (0 when none).");
    }

    /** The attestations typed, one per system. */
    List<DeprovisioningAttestation> attestationList() {
        return attestations.stream().map(a -> new DeprovisioningAttestation(a.getSystem(), a.getOutcome(),
                strip(a.getEvidence()))).toList();
    }

    /** Maps a field of a command (as its validator or a rule names it) to this form's field. */
    static String formField(String path) {
        if (path == null) {
            return null;
        }
        return switch (path) {
            case "performedBy.name", "verifiedBy.name", "performedBy", "verifiedBy" -> "personName";
            case "performedBy.title", "verifiedBy.title" -> "personTitle";
            case "performedBy.organisation", "verifiedBy.organisation" -> "personOrganisation";
            case "performedBy.location", "verifiedBy.location" -> "personLocation";
            case "method" -> "verificationMethod";
            case "destinationDetails" -> "notes";
            case "mediumId", "taskId", "systems", "resolutions" -> null;
            default -> path;
        };
    }

    private Person person() {
        return new Person(strip(personName), strip(personTitle), strip(personOrganisation), strip(personLocation),
                null);
    }

    private static void checkDecimal(Errors errors, String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "required", missing);
        } else if (decimal(value) == null) {
            errors.rejectValue(field, "number", "Give an amount such as 310.00.");
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One system's attestation row. */
    public static class AttestationRow {
        private DeprovisioningAttestation.System system;
        private DeprovisioningAttestation.Outcome outcome;
        private String evidence;

        /** A row for this system, not yet filled in. */
        public AttestationRow() {
        }

        AttestationRow(DeprovisioningAttestation.System system) {
            this.system = system;
        }

        /** The system. */
        public DeprovisioningAttestation.System getSystem() { return system; }
        /** Sets the system. */
        public void setSystem(DeprovisioningAttestation.System system) { this.system = system; }
        /** Done or not applicable. */
        public DeprovisioningAttestation.Outcome getOutcome() { return outcome; }
        /** Sets the outcome. */
        public void setOutcome(DeprovisioningAttestation.Outcome outcome) { this.outcome = outcome; }
        /** The evidence. */
        public String getEvidence() { return evidence; }
        /** Sets the evidence. */
        public void setEvidence(String evidence) { this.evidence = evidence; }
    }

    /** One open discrepancy's resolution row. */
    public static class ResolutionRow {
        private String serial;
        private String kind;
        private String resolution;

        /** An empty row. */
        public ResolutionRow() {
        }

        ResolutionRow(String serial, String kind) {
            this.serial = serial;
            this.kind = kind;
        }

        /** The serial. */
        public String getSerial() { return serial; }
        /** Sets the serial. */
        public void setSerial(String serial) { this.serial = serial; }
        /** MISSING or UNEXPECTED. */
        public String getKind() { return kind; }
        /** Sets the kind. */
        public void setKind(String kind) { this.kind = kind; }
        /** FOUND, LOST_IN_TRANSIT or RETURNED_TO_SENDER. */
        public String getResolution() { return resolution; }
        /** Sets the resolution. */
        public void setResolution(String resolution) { this.resolution = resolution; }
    }

    /** Approve (true) or reject (false). */
    public Boolean getApprove() { return approve; }
    /** Sets the decision. */
    public void setApprove(Boolean approve) { this.approve = approve; }
    /** A comment (a rejection needs one). */
    public String getComment() { return comment; }
    /** Sets the comment. */
    public void setComment(String comment) { this.comment = comment; }
    /** Where the data was backed up. */
    public String getBackupLocation() { return backupLocation; }
    /** Sets the backup location. */
    public void setBackupLocation(String backupLocation) { this.backupLocation = backupLocation; }
    /** Nothing must be kept. */
    public boolean isNothingToKeep() { return nothingToKeep; }
    /** Sets nothing-to-keep. */
    public void setNothingToKeep(boolean nothingToKeep) { this.nothingToKeep = nothingToKeep; }
    /** One row per system to attest. */
    public List<AttestationRow> getAttestations() { return attestations; }
    /** Sets the rows. */
    public void setAttestations(List<AttestationRow> attestations) { this.attestations = attestations; }
    /** The person's name. */
    public String getPersonName() { return personName; }
    /** Sets the person's name. */
    public void setPersonName(String personName) { this.personName = personName; }
    /** The person's title. */
    public String getPersonTitle() { return personTitle; }
    /** Sets the person's title. */
    public void setPersonTitle(String personTitle) { this.personTitle = personTitle; }
    /** The person's organisation. */
    public String getPersonOrganisation() { return personOrganisation; }
    /** Sets the person's organisation. */
    public void setPersonOrganisation(String personOrganisation) { this.personOrganisation = personOrganisation; }
    /** The person's location. */
    public String getPersonLocation() { return personLocation; }
    /** Sets the person's location. */
    public void setPersonLocation(String personLocation) { this.personLocation = personLocation; }
    /** The technique used. */
    public SanitizationTechnique getTechnique() { return technique; }
    /** Sets the technique. */
    public void setTechnique(SanitizationTechnique technique) { this.technique = technique; }
    /** Method details. */
    public String getMethodDetails() { return methodDetails; }
    /** Sets the method details. */
    public void setMethodDetails(String methodDetails) { this.methodDetails = methodDetails; }
    /** The tool. */
    public String getTool() { return tool; }
    /** Sets the tool. */
    public void setTool(String tool) { this.tool = tool; }
    /** The tool's version. */
    public String getToolVersion() { return toolVersion; }
    /** Sets the tool's version. */
    public void setToolVersion(String toolVersion) { this.toolVersion = toolVersion; }
    /** The classification afterwards. */
    public String getPostSanitizationClassification() { return postSanitizationClassification; }
    /** Sets the classification afterwards. */
    public void setPostSanitizationClassification(String value) { this.postSanitizationClassification = value; }
    /** When it finished (UTC, as a datetime-local field sends it). */
    public String getCompletedAt() { return completedAt; }
    /** Sets when it finished. */
    public void setCompletedAt(String completedAt) { this.completedAt = completedAt; }
    /** How it was checked. */
    public VerificationMethod getVerificationMethod() { return verificationMethod; }
    /** Sets how it was checked. */
    public void setVerificationMethod(VerificationMethod value) { this.verificationMethod = value; }
    /** Whether it passed. */
    public Boolean getPassed() { return passed; }
    /** Sets whether it passed. */
    public void setPassed(Boolean passed) { this.passed = passed; }
    /** Notes. */
    public String getNotes() { return notes; }
    /** Sets the notes. */
    public void setNotes(String notes) { this.notes = notes; }
    /** What happens to a medium that failed verification. */
    public VerificationReport.OnFailure getOnFailure() { return onFailure; }
    /** Sets what happens on failure. */
    public void setOnFailure(VerificationReport.OnFailure onFailure) { this.onFailure = onFailure; }
    /** Value recovered. */
    public String getValueRecovered() { return valueRecovered; }
    /** Sets the value recovered. */
    public void setValueRecovered(String valueRecovered) { this.valueRecovered = valueRecovered; }
    /** The vendor's fees. */
    public String getFees() { return fees; }
    /** Sets the fees. */
    public void setFees(String fees) { this.fees = fees; }
    /** ISO 4217 currency. */
    public String getCurrency() { return currency; }
    /** Sets the currency. */
    public void setCurrency(String currency) { this.currency = currency; }
    /** One row per open discrepancy. */
    public List<ResolutionRow> getResolutions() { return resolutions; }
    /** Sets the rows. */
    public void setResolutions(List<ResolutionRow> resolutions) { this.resolutions = resolutions; }
}
