package com.itadcustody.retirement.web;

import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.EvidenceFiles;
import com.itadcustody.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The files kept as evidence of a retirement's steps: list and download (a vendor only its own organisation's). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Retirement workflow", description = "Retirement requests, decisions and tasks")
class EvidenceFileController {

    private final EvidenceFiles files;
    private final CurrentActor actor;

    EvidenceFileController(EvidenceFiles files, CurrentActor actor) {
        this.files = files;
        this.actor = actor;
    }

    @GetMapping("/retirements/{id}/evidence")
    @PreAuthorize(RetirementController.STAFF)
    @Operation(summary = "The retirement's evidence files (recycling certificate, destruction photo or video, on-site"
            + " sanitization report), oldest first",
            description = "Staff see every file; a vendor sees the files its own organisation uploaded for a"
                    + " retirement it handles (404 for any other retirement).")
    List<EvidenceFile> list(@PathVariable UUID id) {
        return files.list(id, actor.get());
    }

    @GetMapping("/retirements/{id}/evidence/{fileId}/content")
    @PreAuthorize(RetirementController.STAFF)
    @Operation(summary = "Download an evidence file as uploaded (its SHA-256 is the one the custody event names)")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID fileId) {
        EvidenceFile.Content file = files.content(id, fileId, actor.get());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.file().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
