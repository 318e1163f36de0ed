package com.itadcustody.vendor.web;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.CertificationDocument;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.VendorCertification;
import com.itadcustody.vendor.VendorContact;
import com.itadcustody.vendor.VendorProfile;
import com.itadcustody.vendor.VendorSite;
import com.itadcustody.vendor.Vendors;
import com.itadcustody.vendor.WebhookSecrets;
import com.itadcustody.vendor.internal.VendorSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the vendor organisations: administrators manage them, their contacts, sites, certifications,
 * certificate documents and webhook secrets; IT staff, managers and compliance read them; a vendor user reads only
 * its own organisation (another vendor's id answers 404).
 */
@RestController
@RequestMapping("/api/v1/vendors")
@Tag(name = "Vendors", description = "ITAD vendor organisations, their contacts, sites and certifications")
class VendorsController {

    static final String READERS = "hasAnyRole('ADMIN','ASSET_MANAGER','COMPLIANCE','IT_STAFF','VENDOR')";

    private final Vendors vendors;
    private final WebhookSecrets webhookSecrets;
    private final CurrentActor currentActor;
    private final long maxDocumentBytes;

    VendorsController(Vendors vendors, WebhookSecrets webhookSecrets, CurrentActor currentActor,
            VendorSettings settings) {
        this.vendors = vendors;
        this.webhookSecrets = webhookSecrets;
        this.currentActor = currentActor;
        this.maxDocumentBytes = settings.maxDocumentSize().toBytes();
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Vendor organisations by name (a vendor user: its own only)")
    List<Vendor> list() {
        Actor actor = currentActor.get();
        if (actor.has(Role.VENDOR)) {
            return vendors.list().stream().filter(v -> v.id().equals(actor.vendorId())).toList();
        }
        return vendors.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A vendor with contacts, sites, certification statuses on a day (default today, UTC), "
            + "whether it can take new handoffs, and warnings")
    VendorProfile get(@PathVariable UUID id, @RequestParam(required = false) LocalDate day) {
        readable(id);
        return vendors.profile(id, day == null ? today() : day);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a vendor organisation")
    ResponseEntity<Vendor> register(@Valid @RequestBody VendorName request) {
        Vendor vendor = vendors.register(request.name(), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + vendor.id())).body(vendor);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename a vendor organisation")
    Vendor rename(@PathVariable UUID id, @Valid @RequestBody VendorName request) {
        return vendors.rename(id, request.name(), currentActor.get());
    }

    @PostMapping("/{id}/deactivation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deactivate a vendor: it takes no new handoffs and gets no notifications")
    VendorProfile deactivate(@PathVariable UUID id) {
        return vendors.setActive(id, false, currentActor.get());
    }

    @PostMapping("/{id}/reactivation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reactivate a deactivated vendor")
    VendorProfile reactivate(@PathVariable UUID id) {
        return vendors.setActive(id, true, currentActor.get());
    }

    @GetMapping("/{id}/contacts")
    @PreAuthorize(READERS)
    @Operation(summary = "The vendor's contacts")
    List<VendorContact> contacts(@PathVariable UUID id) {
        readable(id);
        return vendors.contactsOf(id);
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a contact; those flagged with notifications=true get the service's mails")
    ResponseEntity<VendorContact> addContact(@PathVariable UUID id, @Valid @RequestBody ContactRequest request) {
        VendorContact contact = vendors.addContact(id, request.details(), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + id + "/contacts/" + contact.id()))
                .body(contact);
    }

    @PutMapping("/{id}/contacts/{contactId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a contact")
    VendorContact updateContact(@PathVariable UUID id, @PathVariable UUID contactId,
            @Valid @RequestBody ContactRequest request) {
        return vendors.updateContact(id, contactId, request.details(), currentActor.get());
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a contact")
    ResponseEntity<Void> removeContact(@PathVariable UUID id, @PathVariable UUID contactId) {
        vendors.removeContact(id, contactId, currentActor.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/sites")
    @PreAuthorize(READERS)
    @Operation(summary = "The vendor's sites")
    List<VendorSite> sites(@PathVariable UUID id) {
        readable(id);
        return vendors.sitesOf(id);
    }

    @PostMapping("/{id}/sites")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a site")
    ResponseEntity<VendorSite> addSite(@PathVariable UUID id, @Valid @RequestBody SiteRequest request) {
        VendorSite site = vendors.addSite(id, request.details(), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + id + "/sites/" + site.id())).body(site);
    }

    @PutMapping("/{id}/sites/{siteId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a site")
    VendorSite updateSite(@PathVariable UUID id, @PathVariable UUID siteId, @Valid @RequestBody SiteRequest request) {
        return vendors.updateSite(id, siteId, request.details(), currentActor.get());
    }

    @DeleteMapping("/{id}/sites/{siteId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a site")
    ResponseEntity<Void> removeSite(@PathVariable UUID id, @PathVariable UUID siteId) {
        vendors.removeSite(id, siteId, currentActor.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/certifications")
    @PreAuthorize(READERS)
    @Operation(summary = "The vendor's certifications with their status on a day (default today, UTC)")
    List<VendorProfile.CertificationState> certifications(@PathVariable UUID id,
            @RequestParam(required = false) LocalDate day) {
        readable(id);
        return vendors.profile(id, day == null ? today() : day).certifications();
    }

    @PostMapping("/{id}/certifications")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record a certification (scheme R2V3, E_STEWARDS, NAID_AAA, ISO_14001, ISO_45001, "
            + "ISO_27001 or OTHER)")
    ResponseEntity<VendorCertification> addCertification(@PathVariable UUID id,
            @Valid @RequestBody CertificationRequest request) {
        VendorCertification added = vendors.addCertification(id, request.scheme(), request.certificateId(),
                request.issuer(), request.validFrom(), request.validUntil(), request.scope(), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + id + "/certifications/" + added.id()))
                .body(added);
    }

    @PutMapping("/{id}/certifications/{certificationId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a certification (its document stays)")
    VendorCertification updateCertification(@PathVariable UUID id, @PathVariable UUID certificationId,
            @Valid @RequestBody CertificationRequest request) {
        return vendors.updateCertification(id, certificationId, request.scheme(), request.certificateId(),
                request.issuer(), request.validFrom(), request.validUntil(), request.scope(), currentActor.get());
    }

    @DeleteMapping("/{id}/certifications/{certificationId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a certification from the vendor's list")
    ResponseEntity<Void> removeCertification(@PathVariable UUID id, @PathVariable UUID certificationId) {
        vendors.removeCertification(id, certificationId, currentActor.get());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{id}/certifications/{certificationId}/document",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Upload the certificate document (multipart part 'file': PDF, PNG or JPEG, told by its "
            + "bytes; at most itad.vendors.max-document-size, 10 MB by default); replaces an earlier one")
    CertificationDocument uploadDocument(@PathVariable UUID id, @PathVariable UUID certificationId,
            @RequestPart("file") MultipartFile file) throws IOException {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            // read one byte past the limit at most, so a huge part is refused without holding it all
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
        }
        return vendors.attachDocument(id, certificationId, file.getOriginalFilename(), content, currentActor.get());
    }

    @GetMapping("/{id}/certifications/{certificationId}/document")
    @PreAuthorize(READERS)
    @Operation(summary = "Download the certificate document, with its SHA-256 in the X-Content-SHA256 header")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID certificationId) {
        readable(id);
        CertificationDocument.Content content = vendors.document(id, certificationId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-SHA256", content.document().sha256())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @PostMapping("/{id}/webhook-secret")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Make (or rotate) the vendor's webhook signing secret; it is shown only in this answer")
    ResponseEntity<WebhookSecret> rotateWebhookSecret(@PathVariable UUID id) {
        String secret = webhookSecrets.rotate(id, currentActor.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(new WebhookSecret(id, secret,
                "/api/v1/partner/webhooks/" + id));
    }

    /** 404 for a vendor user asking about another organisation, and for an unknown vendor. */
    private void readable(UUID id) {
        Actor actor = currentActor.get();
        if (actor.has(Role.VENDOR) && !id.equals(actor.vendorId())) {
            throw new NotFound("vendor", id);
        }
        vendors.find(id).orElseThrow(() -> new NotFound("vendor", id));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A vendor organisation's name. */
    record VendorName(@NotBlank @Size(max = 200) String name) {
    }

    /** A contact. */
    record ContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String function,
            @NotBlank @Email @Size(max = 320) String email, @Size(max = 50) String phone, Boolean notifications) {

        VendorContact.Details details() {
            return new VendorContact.Details(name, function, email, phone, notifications);
        }
    }

    /** A site. */
    record SiteRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String address,
            @NotBlank @Size(min = 2, max = 2) String country, Boolean r2Facility) {

        VendorSite.Details details() {
            return new VendorSite.Details(name, address, country, r2Facility);
        }
    }

    /** A certification of the vendor. */
    record CertificationRequest(@NotBlank @Size(max = 50) String scheme,
            @NotBlank @Size(max = 100) String certificateId, @NotBlank @Size(max = 200) String issuer,
            @NotNull LocalDate validFrom, @NotNull LocalDate validUntil, @Size(max = 2000) String scope) {
    }

    /**
     * A new webhook secret, shown once.
     *
     * @param vendorId the vendor
     * @param secret the secret: the HMAC-SHA256 key of every delivery (its ASCII bytes)
     * @param endpoint where the vendor posts its events
     */
    record WebhookSecret(UUID vendorId, String secret, String endpoint) {
    }
}
