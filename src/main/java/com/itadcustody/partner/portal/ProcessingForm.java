package com.itadcustody.partner.portal;

import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.retirement.DispositionDetails;
import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.VendorProcessing;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The portal's grading and disposition form: the fields the issue names for each disposition (resale: price,
 * currency, buyer reference; donation: recipient; recycling: downstream recycler, its certification, weight and
 * certificate; destruction: method, particle size, witness, photo or video reference and file), checked here and
 * then written as the retirement module's {@link VendorProcessing} with its {@link DispositionDetails} (whose own
 * rules, the REST API's, apply on top); the files are kept as the retirement's evidence.
 */
public class ProcessingForm {

    private String grade;
    private Boolean functional;
    private DispositionMethod disposition;
    private String place;
    private String completedAt;
    private String price;
    private String currency = "EUR";
    private String buyerReference;
    private String recipient;
    private String recycler;
    private String recyclerCertification;
    private String weightKg;
    private String destructionMethod;
    private String particleSize;
    private String witness;
    private String mediaReference;
    private MultipartFile recyclingCertificate;
    private MultipartFile destructionMedia;

    /** Checks the fields the chosen disposition needs, naming each failing field. */
    void check(Errors errors) {
        required(errors, "grade", grade, 20);
        if (functional == null) {
            errors.rejectValue("functional", "required", "Say whether the asset works.");
        }
        required(errors, "place", place, 300);
        Instant at = completedAt(errors);
        if (at != null && at.isAfter(Instant.now())) {
            errors.rejectValue("completedAt", "past-or-present", "The disposition cannot be in the future.");
        }
        if (disposition == null) {
            errors.rejectValue("disposition", "required", "Choose resale, donation, recycling or destruction.");
            return;
        }
        switch (disposition) {
            case RESALE -> {
                amount(errors, "price", price, true);
                if (currency == null || !currency.strip().toUpperCase(Locale.ROOT).matches("[A-Z]{3}")) {
                    errors.rejectValue("currency", "pattern", "Give the ISO 4217 currency code, e.g. EUR.");
                }
                required(errors, "buyerReference", buyerReference, 200);
            }
            case DONATION -> required(errors, "recipient", recipient, 300);
            case RECYCLING -> {
                required(errors, "recycler", recycler, 200);
                required(errors, "recyclerCertification", recyclerCertification, 200);
                amount(errors, "weightKg", weightKg, false);
                if (!given(recyclingCertificate)) {
                    errors.rejectValue("recyclingCertificate", "required",
                            "Attach the recycler's certificate (PDF or image).");
                }
            }
            case DESTRUCTION -> {
                required(errors, "destructionMethod", destructionMethod, 200);
                required(errors, "particleSize", particleSize, 50);
                required(errors, "witness", witness, 200);
                optional(errors, "mediaReference", mediaReference, 300);
            }
        }
    }

    /** The retirement module's record with its structured details; call after {@link #check} found nothing. */
    VendorProcessing toProcessing() {
        DispositionDetails details = switch (disposition) {
            case RESALE -> DispositionDetails.resale(new BigDecimal(price.strip()),
                    currency.strip().toUpperCase(Locale.ROOT), buyerReference.strip());
            case DONATION -> DispositionDetails.donation(recipient.strip());
            case RECYCLING -> DispositionDetails.recycling(recycler.strip(), recyclerCertification.strip(),
                    new BigDecimal(weightKg.strip()));
            case DESTRUCTION -> DispositionDetails.destruction(destructionMethod.strip(), witness.strip(),
                    blank(mediaReference) ? null : mediaReference.strip());
        };
        return new VendorProcessing(grade.strip(), functional, disposition, null,
                disposition == DispositionMethod.DESTRUCTION ? particleSize.strip() : null, place.strip(),
                completedAt(null), details);
    }

    /** The files to keep as evidence: the recycling certificate, or the destruction's photo or video if given. */
    List<EvidencedSteps.Upload> uploads() throws IOException {
        List<EvidencedSteps.Upload> uploads = new ArrayList<>();
        if (disposition == DispositionMethod.RECYCLING && given(recyclingCertificate)) {
            uploads.add(new EvidencedSteps.Upload("recyclingCertificate", EvidenceFile.Kind.RECYCLING_CERTIFICATE,
                    recyclingCertificate.getOriginalFilename(), recyclingCertificate.getBytes()));
        }
        if (disposition == DispositionMethod.DESTRUCTION && given(destructionMedia)) {
            uploads.add(new EvidencedSteps.Upload("destructionMedia", EvidenceFile.Kind.DESTRUCTION_MEDIA,
                    destructionMedia.getOriginalFilename(), destructionMedia.getBytes()));
        }
        return uploads;
    }

    /** The form's field for a field of {@link VendorProcessing} as its validator or rules name it. */
    static String formField(String processingPath) {
        return switch (processingPath) {
            case "dispositionDetails.salePrice" -> "price";
            case "dispositionDetails.downstreamRecycler" -> "recycler";
            case "details", "dispositionDetails" -> "disposition";
            default -> processingPath.startsWith("dispositionDetails.")
                    ? processingPath.substring("dispositionDetails.".length()) : processingPath;
        };
    }

    /**
     * The recorded disposition in words, e.g. "Resale for 310.00 EUR; buyer reference B-77" (the free-text details
     * of a record made before the structured ones existed).
     */
    static String describe(VendorProcessing p) {
        DispositionDetails d = p.dispositionDetails();
        if (d == null) {
            return p.details();
        }
        List<String> parts = new ArrayList<>();
        switch (p.disposition()) {
            case RESALE -> {
                parts.add("Resale for " + amount(d.salePrice()) + " " + d.currency());
                if (!blank(d.buyerReference())) {
                    parts.add("buyer reference " + d.buyerReference());
                }
            }
            case DONATION -> parts.add("Donation to " + d.recipient());
            case RECYCLING -> {
                parts.add("Recycling by " + d.downstreamRecycler() + (blank(d.recyclerCertification()) ? ""
                        : " (" + d.recyclerCertification() + ")"));
                parts.add("weight " + amount(d.weightKg()) + " kg");
            }
            case DESTRUCTION -> {
                parts.add("Destruction by " + d.destructionMethod());
                parts.add("witness " + d.witness());
                if (!blank(d.mediaReference())) {
                    parts.add("photo/video " + d.mediaReference());
                }
            }
        }
        if (!blank(p.details())) {
            parts.add(p.details());
        }
        return String.join("; ", parts);
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "?" : amount.toPlainString();
    }

    private static boolean given(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private Instant completedAt(Errors errors) {
        if (blank(completedAt)) {
            if (errors != null) {
                errors.rejectValue("completedAt", "required", "Give the date and time (UTC) it was done.");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(completedAt.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            if (errors != null) {
                errors.rejectValue("completedAt", "date-time", "Give the date and time as 2026-01-31T14:30 (UTC).");
            }
            return null;
        }
    }

    private static void amount(Errors errors, String field, String value, boolean zeroAllowed) {
        if (blank(value)) {
            errors.rejectValue(field, "required", "Required for this disposition.");
            return;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
                errors.rejectValue(field, "min", zeroAllowed ? "Must be 0 or more." : "Must be more than 0.");
            } else if (amount.precision() - amount.scale() > 12 || amount.scale() > 3) {
                errors.rejectValue(field, "digits", "At most 12 digits and 3 decimals.");
            }
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", "Give a number, e.g. 310.00 (a dot for decimals).");
        }
    }

    private static void required(Errors errors, String field, String value, int max) {
        if (blank(value)) {
            errors.rejectValue(field, "required", "Required.");
        } else {
            optional(errors, field, value, max);
        }
    }

    private static void optional(Errors errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.rejectValue(field, "max-length", "At most " + max + " characters.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade; }
    public Boolean getFunctional() { return functional; }
    public void setFunctional(Boolean functional) { this.functional = functional; }
    public DispositionMethod getDisposition() { return disposition; }
    public void setDisposition(DispositionMethod disposition) { this.disposition = disposition; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getCompletedAt() { return completedAt; }
    public void setCompletedAt(String completedAt) { this.completedAt = completedAt; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getBuyerReference() { return buyerReference; }
    public void setBuyerReference(String buyerReference) { this.buyerReference = buyerReference; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getRecycler() { return recycler; }
    public void setRecycler(String recycler) { this.recycler = recycler; }
    public String getRecyclerCertification() { return recyclerCertification; }
    public void setRecyclerCertification(String value) { this.recyclerCertification = value; }
    public String getWeightKg() { return weightKg; }
    public void setWeightKg(String weightKg) { this.weightKg = weightKg; }
    public String getDestructionMethod() { return destructionMethod; }
    public void setDestructionMethod(String destructionMethod) { this.destructionMethod = destructionMethod; }
    public String getParticleSize() { return particleSize; }
    public void setParticleSize(String particleSize) { this.particleSize = particleSize; }
    public String getWitness() { return witness; }
    public void setWitness(String witness) { this.witness = witness; }
    public String getMediaReference() { return mediaReference; }
    public void setMediaReference(String mediaReference) { this.mediaReference = mediaReference; }
    public MultipartFile getRecyclingCertificate() { return recyclingCertificate; }
    public void setRecyclingCertificate(MultipartFile file) { this.recyclingCertificate = file; }
    public MultipartFile getDestructionMedia() { return destructionMedia; }
    public void setDestructionMedia(MultipartFile file) { this.destructionMedia = file; }
}
