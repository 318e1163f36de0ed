package com.itadcustody.partner.portal;

import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.EvidenceFiles;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.VendorLots;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Sha256;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An asset's page in the portal (where it stands, the grading and disposition form while that step is open, what
 * was recorded, the evidence files the vendor uploaded, the settlement figures and its certificates) and the on-site
 * sanitization form of one medium. Only the vendor's own assets and files: anything else is 404.
 */
@Controller
class AssetPages {

    static final String PROCESS_ASSET = "Task_ProcessAsset";
    static final String SANITIZE_MEDIUM = "Task_SanitizeMedium";

    private final VendorLots vendorLots;
    private final Lots lots;
    private final Retirements retirements;
    private final Certificates certificates;
    private final CurrentActor currentActor;
    private final Validator validator;
    private final EvidencedSteps steps;
    private final EvidenceFiles evidenceFiles;

    AssetPages(VendorLots vendorLots, Lots lots, Retirements retirements, Certificates certificates,
            CurrentActor currentActor, Validator validator, EvidencedSteps steps, EvidenceFiles evidenceFiles) {
        this.steps = steps;
        this.evidenceFiles = evidenceFiles;
        this.vendorLots = vendorLots;
        this.lots = lots;
        this.retirements = retirements;
        this.certificates = certificates;
        this.currentActor = currentActor;
        this.validator = validator;
    }

    @GetMapping("/portal/assets/{id}")
    String asset(@PathVariable UUID id, Model model) {
        return assetPage(id, new ProcessingForm(), model);
    }

    @PostMapping("/portal/assets/{id}/processing")
    String process(@PathVariable UUID id, @ModelAttribute("form") ProcessingForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.get();
        vendorLots.disposal(id, actor);
        form.check(errors);
        if (!errors.hasErrors()) {
            VendorProcessing processing = form.toProcessing();
            for (ConstraintViolation<VendorProcessing> v : validator.validate(processing)) {
                reject(errors, ProcessingForm.formField(v.getPropertyPath().toString()), "invalid", v.getMessage());
            }
            if (!errors.hasErrors()) {
                try {
                    steps.recordProcessing(id, processing, form.uploads(), actor);
                    redirect.addFlashAttribute("notice", "Grading and disposition recorded. The client's IT staff"
                            + " settle it next; the certificate of disposition follows.");
                    return "redirect:/portal/assets/" + id;
                } catch (DomainRuleViolated refused) {
                    if (refused.field() == null) {
                        throw refused;
                    }
                    reject(errors, ProcessingForm.formField(refused.field()), refused.rule(), refused.getMessage());
                }
            }
        }
        response.setStatus(422);
        return assetPage(id, form, model);
    }

    /** One of the asset's evidence files that the vendor's organisation uploaded (404 for anything else). */
    @GetMapping("/portal/assets/{id}/evidence/{fileId}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID fileId) {
        Actor actor = currentActor.get();
        vendorLots.disposal(id, actor);
        EvidenceFile.Content file = evidenceFiles.content(id, fileId, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.file().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @GetMapping("/portal/sanitization/{id}/{mediumId}")
    String sanitization(@PathVariable UUID id, @PathVariable UUID mediumId, Model model) {
        return sanitizationPage(id, mediumId, new SanitizationForm(), model);
    }

    @PostMapping("/portal/sanitization/{id}/{mediumId}")
    String sanitize(@PathVariable UUID id, @PathVariable UUID mediumId, @ModelAttribute("form") SanitizationForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response)
            throws IOException {
        Actor actor = currentActor.get();
        SanitizationPlanItem medium = plannedMedium(id, mediumId, actor);
        form.check(errors);
        MultipartFile report = form.getReport();
        boolean attached = report != null && !report.isEmpty();
        byte[] content = attached ? report.getBytes() : null;
        if (!errors.hasErrors()) {
            SanitizationReport record = form.toReport(attached ? attachment("erasure report", report, content)
                    : null);
            Set<ConstraintViolation<SanitizationReport>> violations = validator.validate(record);
            violations.forEach(v -> reject(errors, SanitizationForm.formField(v.getPropertyPath().toString()),
                    "invalid", v.getMessage()));
            if (!errors.hasErrors()) {
                try {
                    steps.recordSanitization(id, mediumId, record, attached ? List.of(new EvidencedSteps.Upload(
                            "report", EvidenceFile.Kind.SANITIZATION_REPORT, report.getOriginalFilename(), content))
                            : List.of(), actor);
                    redirect.addFlashAttribute("notice", "Sanitization of medium " + medium.mediumSerial()
                            + " recorded" + (record.passed() ? "; an independent verifier checks it next."
                            : " as failed; sanitize it again."));
                    return "redirect:/portal";
                } catch (DomainRuleViolated refused) {
                    if (refused.field() == null || refused.field().equals("mediumId")) {
                        throw refused;
                    }
                    reject(errors, refused.field(), refused.rule(), refused.getMessage());
                }
            }
        }
        response.setStatus(422);
        return sanitizationPage(id, mediumId, form, model);
    }

    private String assetPage(UUID id, ProcessingForm form, Model model) {
        Actor actor = currentActor.get();
        VendorLots.Disposal disposal = vendorLots.disposal(id, actor);
        LotView lot = lots.get(disposal.lotId(), actor);
        LotView.Item item = lot.items().stream().filter(i -> i.retirementId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("retirement", id));
        RetirementView retirement = retirements.get(id);
        model.addAttribute("disposal", disposal);
        model.addAttribute("lot", lot);
        model.addAttribute("item", item);
        model.addAttribute("openStep", retirement.openTask());
        model.addAttribute("processingOpen", PROCESS_ASSET.equals(retirement.openTask()));
        model.addAttribute("form", form);
        model.addAttribute("dispositions", DispositionMethod.values());
        model.addAttribute("certificates", certificatesOf(item.assetId()));
        model.addAttribute("recordedDetails", disposal.processing() == null ? null
                : ProcessingForm.describe(disposal.processing()));
        model.addAttribute("evidence", evidenceFiles.list(id, actor));
        return "portal/asset";
    }

    private String sanitizationPage(UUID id, UUID mediumId, SanitizationForm form, Model model) {
        SanitizationPlanItem medium = plannedMedium(id, mediumId, currentActor.get());
        model.addAttribute("retirementId", id);
        model.addAttribute("medium", medium);
        model.addAttribute("form", form);
        model.addAttribute("techniques", SanitizationTechnique.values());
        model.addAttribute("verificationMethods", VerificationMethod.values());
        return "portal/sanitization";
    }

    /** The medium, if the actor's vendor sanitizes this retirement's media on site (404 otherwise). */
    private SanitizationPlanItem plannedMedium(UUID id, UUID mediumId, Actor actor) {
        RetirementView retirement;
        try {
            retirement = retirements.get(id);
        } catch (NotFound unknown) {
            throw new NotFound("retirement", id);
        }
        if (retirement.sanitizationVendorId() == null || actor.vendorId() == null
                || !retirement.sanitizationVendorId().equals(actor.vendorId())) {
            throw new NotFound("retirement", id);
        }
        return retirements.sanitizationPlan(id).stream().filter(p -> p.mediumId().equals(mediumId)).findFirst()
                .orElseThrow(() -> new NotFound("medium", mediumId));
    }

    private List<CertificateView> certificatesOf(UUID assetId) {
        return certificates.list(assetId, null, null, 0, 100).content().stream()
                .sorted(Comparator.comparing(CertificateView::issuedAt)).toList();
    }

    /** Marks the form's field, or the whole form when the field is not one of its own. */
    private static void reject(BindingResult errors, String field, String rule, String message) {
        if (field != null && errors.getTarget() != null
                && new BeanWrapperImpl(errors.getTarget()).isReadableProperty(field)) {
            errors.rejectValue(field, rule, message);
        } else {
            errors.reject(rule, message);
        }
    }

    /** The attached file's name and SHA-256, as the sanitization's notes (and its certificate) mention it. */
    private static String attachment(String what, MultipartFile file, byte[] content) {
        String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename()
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return what + " " + name + " (SHA-256 " + Sha256.hex(content) + ")";
    }
}
