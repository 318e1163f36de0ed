package com.itadcustody.console.admin;

import com.itadcustody.console.PageLinks;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.vendor.CertificationDocument;
import com.itadcustody.vendor.CertificationScheme;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.VendorCertification;
import com.itadcustody.vendor.VendorContact;
import com.itadcustody.vendor.VendorProfile;
import com.itadcustody.vendor.VendorSite;
import com.itadcustody.vendor.VendorSummary;
import com.itadcustody.vendor.Vendors;
import com.itadcustody.vendor.WebhookSecrets;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Vendors and their certifications: a searchable, paginated list; registering and renaming a vendor; its contacts,
 * sites and certifications (with the certificate document, checked by size and by its first bytes); deactivation;
 * the webhook secret, shown once. All through the vendor module's {@link Vendors} and {@link WebhookSecrets}, which
 * record who changed what.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/vendors")
class VendorPages {

    static final int PAGE_SIZE = 25;

    private final Vendors vendors;
    private final WebhookSecrets webhookSecrets;
    private final CurrentActor currentActor;

    VendorPages(Vendors vendors, WebhookSecrets webhookSecrets, CurrentActor currentActor) {
        this.vendors = vendors;
        this.webhookSecrets = webhookSecrets;
        this.currentActor = currentActor;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            Model model) {
        return listPage(q, page, new VendorForms.NameForm(), model);
    }

    @PostMapping
    String register(@Validated @ModelAttribute("nameForm") VendorForms.NameForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Vendor vendor = vendors.register(form.getName(), currentActor.get());
                redirect.addFlashAttribute("notice", "Vendor " + vendor.name() + " registered.");
                return "redirect:/admin/vendors/" + vendor.id();
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.NameForm.FIELDS);
            }
        }
        return listPage(null, 0, form, model);
    }

    @GetMapping("/{id}")
    String vendor(@PathVariable UUID id, Model model) {
        return vendorPage(id, model);
    }

    @PostMapping("/{id}")
    String rename(@PathVariable UUID id, @Validated @ModelAttribute("nameForm") VendorForms.NameForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        profile(id);
        if (!errors.hasErrors()) {
            try {
                vendors.rename(id, form.getName(), currentActor.get());
                return done(redirect, id, "Name saved.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.NameForm.FIELDS);
            }
        }
        return vendorPage(id, model);
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        profile(id);
        vendors.setActive(id, active, currentActor.get());
        return done(redirect, id, active ? "Vendor reactivated." : "Vendor deactivated: it takes no new handoffs.");
    }

    @PostMapping("/{id}/contacts")
    String addContact(@PathVariable UUID id, @Validated @ModelAttribute("contactForm") VendorForms.ContactForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        profile(id);
        if (!errors.hasErrors()) {
            try {
                vendors.addContact(id, form.details(), currentActor.get());
                return done(redirect, id, "Contact added.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.ContactForm.FIELDS);
            }
        }
        return vendorPage(id, model);
    }

    @GetMapping("/{id}/contacts/{contactId}")
    String contact(@PathVariable UUID id, @PathVariable UUID contactId, Model model) {
        return contactPage(id, contactId, VendorForms.ContactForm.of(contact(id, contactId)), model);
    }

    @PostMapping("/{id}/contacts/{contactId}")
    String changeContact(@PathVariable UUID id, @PathVariable UUID contactId,
            @Validated @ModelAttribute("contactForm") VendorForms.ContactForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        contact(id, contactId);
        if (!errors.hasErrors()) {
            try {
                vendors.updateContact(id, contactId, form.details(), currentActor.get());
                return done(redirect, id, "Contact saved.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.ContactForm.FIELDS);
            }
        }
        return contactPage(id, contactId, form, model);
    }

    @PostMapping("/{id}/contacts/{contactId}/removal")
    String removeContact(@PathVariable UUID id, @PathVariable UUID contactId, RedirectAttributes redirect) {
        vendors.removeContact(id, contactId, currentActor.get());
        return done(redirect, id, "Contact removed.");
    }

    @PostMapping("/{id}/sites")
    String addSite(@PathVariable UUID id, @Validated @ModelAttribute("siteForm") VendorForms.SiteForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        profile(id);
        if (!errors.hasErrors()) {
            try {
                vendors.addSite(id, form.details(), currentActor.get());
                return done(redirect, id, "Site added.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.SiteForm.FIELDS);
            }
        }
        return vendorPage(id, model);
    }

    @GetMapping("/{id}/sites/{siteId}")
    String site(@PathVariable UUID id, @PathVariable UUID siteId, Model model) {
        return sitePage(id, siteId, VendorForms.SiteForm.of(site(id, siteId)), model);
    }

    @PostMapping("/{id}/sites/{siteId}")
    String changeSite(@PathVariable UUID id, @PathVariable UUID siteId,
            @Validated @ModelAttribute("siteForm") VendorForms.SiteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        site(id, siteId);
        if (!errors.hasErrors()) {
            try {
                vendors.updateSite(id, siteId, form.details(), currentActor.get());
                return done(redirect, id, "Site saved.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.SiteForm.FIELDS);
            }
        }
        return sitePage(id, siteId, form, model);
    }

    @PostMapping("/{id}/sites/{siteId}/removal")
    String removeSite(@PathVariable UUID id, @PathVariable UUID siteId, RedirectAttributes redirect) {
        vendors.removeSite(id, siteId, currentActor.get());
        return done(redirect, id, "Site removed.");
    }

    @PostMapping("/{id}/certifications")
    String addCertification(@PathVariable UUID id,
            @Validated @ModelAttribute("certificationForm") VendorForms.CertificationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        profile(id);
        LocalDate from = form.from(errors);
        LocalDate until = form.until(errors);
        if (!errors.hasErrors()) {
            try {
                vendors.addCertification(id, form.getScheme(), form.getCertificateId(), form.getIssuer(), from,
                        until, form.scopeOrNull(), currentActor.get());
                return done(redirect, id, "Certification added; upload its document below.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.CertificationForm.FIELDS);
            }
        }
        return vendorPage(id, model);
    }

    @GetMapping("/{id}/certifications/{certificationId}")
    String certification(@PathVariable UUID id, @PathVariable UUID certificationId, Model model) {
        return certificationPage(id, certificationId, VendorForms.CertificationForm.of(certification(id,
                certificationId)), model);
    }

    @PostMapping("/{id}/certifications/{certificationId}")
    String changeCertification(@PathVariable UUID id, @PathVariable UUID certificationId,
            @Validated @ModelAttribute("certificationForm") VendorForms.CertificationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        certification(id, certificationId);
        LocalDate from = form.from(errors);
        LocalDate until = form.until(errors);
        if (!errors.hasErrors()) {
            try {
                vendors.updateCertification(id, certificationId, form.getScheme(), form.getCertificateId(),
                        form.getIssuer(), from, until, form.scopeOrNull(), currentActor.get());
                return done(redirect, id, "Certification saved.");
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, VendorForms.CertificationForm.FIELDS);
            }
        }
        return certificationPage(id, certificationId, form, model);
    }

    @PostMapping("/{id}/certifications/{certificationId}/removal")
    String removeCertification(@PathVariable UUID id, @PathVariable UUID certificationId,
            RedirectAttributes redirect) {
        vendors.removeCertification(id, certificationId, currentActor.get());
        return done(redirect, id, "Certification removed from the list (kept in the records).");
    }

    @PostMapping("/{id}/certifications/{certificationId}/document")
    String upload(@PathVariable UUID id, @PathVariable UUID certificationId,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        certification(id, certificationId);
        String error;
        if (file == null || file.isEmpty()) {
            error = "Choose a PDF, PNG or JPEG file.";
        } else {
            byte[] content;
            long max = vendors.maxDocumentBytes();
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            }
            try {
                CertificationDocument stored = vendors.attachDocument(id, certificationId,
                        file.getOriginalFilename(), content, currentActor.get());
                return done(redirect, id, "Document " + stored.fileName() + " stored (SHA-256 " + stored.sha256()
                        + ").");
            } catch (DomainRuleViolated refused) {
                error = refused.getMessage();
                response.setStatus(refused.status().value());
            }
        }
        model.addAttribute("uploadFor", certificationId);
        model.addAttribute("uploadError", error);
        return vendorPage(id, model);
    }

    @GetMapping("/{id}/certifications/{certificationId}/document")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID certificationId) {
        CertificationDocument.Content content = vendors.document(id, certificationId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @PostMapping("/{id}/webhook-secret")
    String webhookSecret(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, Model model,
            HttpServletResponse response) {
        profile(id);
        if (webhookSecrets.hasSecret(id) && !confirm) {
            model.addAttribute("secretError", "Tick the box to confirm: the vendor's current secret stops working.");
            response.setStatus(422);
            return vendorPage(id, model);
        }
        String secret = webhookSecrets.rotate(id, currentActor.get());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("secret", secret);
        model.addAttribute("webhookEndpoint", "/api/v1/partner/webhooks/" + id);
        return vendorPage(id, model);
    }

    private String listPage(String q, Integer page, VendorForms.NameForm form, Model model) {
        PageResult<VendorSummary> result = vendors.search(q, today(), Forms.page(page), PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("vendors", result.content());
        model.addAttribute("pager", PageLinks.of(result));
        model.addAttribute("today", today());
        model.addAttribute("nameForm", form);
        return "console/admin/vendors";
    }

    private String vendorPage(UUID id, Model model) {
        VendorProfile profile = profile(id);
        model.addAttribute("vendor", profile);
        if (!model.containsAttribute("nameForm")) {
            VendorForms.NameForm name = new VendorForms.NameForm();
            name.setName(profile.name());
            model.addAttribute("nameForm", name);
        }
        blank(model, "contactForm", new VendorForms.ContactForm());
        blank(model, "siteForm", new VendorForms.SiteForm());
        blank(model, "certificationForm", new VendorForms.CertificationForm());
        model.addAttribute("schemes", CertificationScheme.values());
        model.addAttribute("hasSecret", webhookSecrets.hasSecret(id));
        model.addAttribute("maxDocumentMb", Math.max(1, vendors.maxDocumentBytes() / (1024 * 1024)));
        return "console/admin/vendor";
    }

    private String certificationPage(UUID id, UUID certificationId, VendorForms.CertificationForm form,
            Model model) {
        model.addAttribute("vendor", profile(id));
        model.addAttribute("certification", certification(id, certificationId));
        model.addAttribute("certificationForm", form);
        model.addAttribute("schemes", CertificationScheme.values());
        return "console/admin/certification";
    }

    private String contactPage(UUID id, UUID contactId, VendorForms.ContactForm form, Model model) {
        model.addAttribute("vendor", profile(id));
        model.addAttribute("contact", contact(id, contactId));
        model.addAttribute("contactForm", form);
        return "console/admin/contact";
    }

    private String sitePage(UUID id, UUID siteId, VendorForms.SiteForm form, Model model) {
        model.addAttribute("vendor", profile(id));
        model.addAttribute("site", site(id, siteId));
        model.addAttribute("siteForm", form);
        return "console/admin/site";
    }

    private VendorContact contact(UUID id, UUID contactId) {
        return vendors.contactsOf(id).stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new NotFound("contact", contactId));
    }

    private VendorSite site(UUID id, UUID siteId) {
        return vendors.sitesOf(id).stream().filter(s -> s.id().equals(siteId)).findFirst()
                .orElseThrow(() -> new NotFound("site", siteId));
    }

    private static void blank(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, new BeanPropertyBindingResult(form, name));
        }
    }

    private VendorProfile profile(UUID id) {
        return vendors.profile(id, today());
    }

    private VendorCertification certification(UUID id, UUID certificationId) {
        return vendors.certificationsOf(id).stream().filter(c -> c.id().equals(certificationId)).findFirst()
                .orElseThrow(() -> new NotFound("certification", certificationId));
    }

    private static String done(RedirectAttributes redirect, UUID id, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/vendors/" + id;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
