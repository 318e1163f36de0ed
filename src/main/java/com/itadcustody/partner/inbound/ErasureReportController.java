package com.itadcustody.partner.inbound;

import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Vendors' erasure reports and the exceptions queue: upload (a vendor for itself, IT staff naming the vendor), the
 * reports with their record-by-record results and originals, and the exceptions to resolve. Vendors reach only
 * their own organisation's; another vendor's report or exception answers 404.
 */
@RestController
@RequestMapping("/api/v1/partner")
@Tag(name = "Erasure reports", description = "Inbound erasure reports of vendors and their exceptions queue")
class ErasureReportController {

    static final String READERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','ADMIN','VENDOR')";
    private static final Set<String> STATES = Set.of("OPEN", "RESOLVED");
    private static final Set<String> KINDS = Set.of("UNKNOWN_SERIAL", "FAILED_ERASURE", "INCONSISTENT",
            "DUPLICATE_REPORT", "ALREADY_SANITIZED", "STEP_NOT_OPEN");

    private final ErasureReports reports;
    private final CurrentActor actor;

    ErasureReportController(ErasureReports reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @PostMapping(path = "/erasure-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('IT_STAFF','VENDOR')")
    @Operation(summary = "Deliver an erasure report (form field 'file'; CSV, JSON or XML, docs/erasure-report-format.md)",
            description = "Vendors deliver their own; IT staff name the vendor with 'vendorId'. A file that cannot be"
                    + " read as a whole is refused (400/413/422) and nothing is applied; otherwise each record is"
                    + " applied or put in the exceptions queue, and the answer lists every record's outcome. The"
                    + " same file again (same SHA-256) is answered 200 with duplicate=true and applied nothing.")
    ResponseEntity<ErasureReportResult> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) UUID vendorId) throws IOException {
        if (file == null || file.isEmpty()) {
            String message = "attach the erasure report in the form field 'file'";
            throw new InputRejected(HttpStatus.BAD_REQUEST, "file-missing", message,
                    List.of(new InputRejected.Problem(null, "file", "required", message)), 1);
        }
        ErasureReportResult result;
        try (InputStream in = file.getInputStream()) {
            result = reports.receive(vendorId, file.getOriginalFilename(), in, file.getSize(),
                    ErasureReports.Source.UPLOAD, actor.get());
        }
        if (result.duplicate()) {
            return ResponseEntity.ok(result);
        }
        return ResponseEntity.created(URI.create("/api/v1/partner/erasure-reports/" + result.report().id()))
                .body(result);
    }

    @GetMapping("/erasure-reports")
    @PreAuthorize(READERS)
    @Operation(summary = "Erasure reports received, newest first (vendors: their own; staff may filter by vendorId)")
    PageResult<ErasureReportView> list(@RequestParam(required = false) UUID vendorId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return reports.reports(vendorId, page, size, actor.get());
    }

    @GetMapping("/erasure-reports/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One erasure report: its status and every record's outcome")
    ErasureReportResult get(@PathVariable UUID id) {
        return reports.report(id, actor.get());
    }

    @GetMapping("/erasure-reports/{id}/original")
    @PreAuthorize(READERS)
    @Operation(summary = "The report's original file, byte for byte as delivered (its SHA-256 is in the custody"
            + " events)")
    ResponseEntity<byte[]> original(@PathVariable UUID id) {
        ErasureReports.Original original = reports.original(id, actor.get());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(original.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(original.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(original.content());
    }

    @GetMapping("/erasure-exceptions")
    @PreAuthorize(READERS)
    @Operation(summary = "The exceptions queue, newest first, filtered by state (OPEN, RESOLVED), kind, vendorId"
            + " (staff) and reportId; vendors see their own")
    PageResult<ErasureExceptionView> exceptions(@RequestParam(required = false) UUID vendorId,
            @RequestParam(required = false) String state, @RequestParam(required = false) String kind,
            @RequestParam(required = false) UUID reportId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        if (state != null && !STATES.contains(state)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-parameter", "state",
                    "state is one of " + STATES);
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-parameter", "kind",
                    "kind is one of " + KINDS);
        }
        return reports.exceptions(vendorId, state, kind, reportId, page, size, actor.get());
    }

    @GetMapping("/erasure-exceptions/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One exception")
    ErasureExceptionView exception(@PathVariable UUID id) {
        return reports.exception(id, actor.get());
    }

    @PostMapping("/erasure-exceptions/{id}/resolution")
    @PreAuthorize(READERS)
    @Operation(summary = "Resolve an open exception with a note (vendors: their own)")
    ErasureExceptionView resolve(@PathVariable UUID id, @Valid @RequestBody Resolution body) {
        return reports.resolve(id, body.note(), actor.get());
    }

    @PostMapping("/erasure-exceptions/{id}/retry")
    @PreAuthorize(READERS)
    @Operation(summary = "Apply an open STEP_NOT_OPEN or UNKNOWN_SERIAL exception's record again; applied, it is"
            + " resolved")
    ErasureExceptionView retry(@PathVariable UUID id) {
        return reports.retry(id, actor.get());
    }

    /** How an exception was resolved. */
    record Resolution(@NotBlank @Size(max = 2000) String note) {
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-page", "page", "page starts at 0");
        }
        if (size < 1 || size > 500) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-page-size", "size",
                    "size is between 1 and 500");
        }
    }
}
