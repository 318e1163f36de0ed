package com.itadcustody.certificate.web;

import com.itadcustody.certificate.CertificateStatus;
import com.itadcustody.certificate.CertificateType;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.DispositionRecord;
import com.itadcustody.certificate.SanitizationRecord;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates for staff: issue (administrators and verifiers, until the retirement workflow issues them), read,
 * download, revoke (compliance officers and administrators) and supersede with a correction.
 */
@RestController
@RequestMapping("/api/v1/certificates")
@Validated
@Tag(name = "Certificates", description = "Signed certificates of sanitization and disposition")
class CertificateController {

    static final String READERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN')";
    static final String ISSUERS = "hasAnyRole('VERIFIER','ADMIN')";
    static final String REVOKERS = "hasAnyRole('COMPLIANCE','ADMIN')";

    private final Certificates certificates;
    private final CurrentActor actor;

    CertificateController(Certificates certificates, CurrentActor actor) {
        this.certificates = certificates;
        this.actor = actor;
    }

    @PostMapping("/sanitization")
    @PreAuthorize(ISSUERS)
    @Operation(summary = "Record a medium's sanitization and issue its signed Certificate of Sanitization",
            description = "Waits until the recorded event is in a signed checkpoint (normally well under a second).")
    ResponseEntity<CertificateView> issueSanitization(@Valid @RequestBody SanitizationRecord record) {
        return created(certificates.issueSanitizationCertificate(record, null, actor.get()));
    }

    @PostMapping("/disposition")
    @PreAuthorize(ISSUERS)
    @Operation(summary = "Record an asset's final disposition and issue its signed Certificate of Disposition",
            description = "Every medium of the asset needs a valid Certificate of Sanitization first.")
    ResponseEntity<CertificateView> issueDisposition(@Valid @RequestBody DispositionRecord record) {
        return created(certificates.issueDispositionCertificate(record, null, actor.get()));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Certificates, newest first, optionally of one asset, type or status")
    PageResult<CertificateView> list(@RequestParam(required = false) UUID assetId,
            @RequestParam(required = false) CertificateType type,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return certificates.list(assetId, type, status, page, size);
    }

    @GetMapping("/{number}")
    @PreAuthorize(READERS)
    @Operation(summary = "One certificate's registry entry")
    CertificateView get(@PathVariable String number) {
        return certificates.get(number);
    }

    @GetMapping(path = "/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READERS)
    @Operation(summary = "The signed PDF, exactly as issued")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        byte[] pdf = certificates.pdf(number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(number + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/{number}/revocation")
    @PreAuthorize(REVOKERS)
    @Operation(summary = "Revoke a valid certificate, with a reason; it stays in the registry")
    CertificateView revoke(@PathVariable String number, @Valid @RequestBody RevocationRequest request) {
        return certificates.revoke(number, request.reason(), actor.get());
    }

    @PostMapping("/{number}/supersession")
    @PreAuthorize(ISSUERS)
    @Operation(summary = "Issue a corrected certificate that supersedes this one; both are kept and linked",
            description = "Give exactly one of sanitization or disposition, matching the certificate's type.")
    ResponseEntity<CertificateView> supersede(@PathVariable String number,
            @Valid @RequestBody SupersessionRequest request) {
        if ((request.sanitization() == null) == (request.disposition() == null)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "exactly-one", "sanitization",
                    "give exactly one of sanitization or disposition");
        }
        Object corrected = request.sanitization() != null ? request.sanitization() : request.disposition();
        return created(certificates.supersede(number, corrected, request.reason(), actor.get()));
    }

    private static ResponseEntity<CertificateView> created(CertificateView view) {
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + view.number())).body(view);
    }

    /** Why a certificate is revoked. */
    record RevocationRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A correction: the reason and the corrected record of the certificate's type. */
    record SupersessionRequest(@NotBlank @Size(max = 1000) String reason, @Valid SanitizationRecord sanitization,
            @Valid DispositionRecord disposition) {
    }
}
