package com.itadcustody.asset.web;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.internal.AssetCsvExporter;
import com.itadcustody.asset.internal.AssetCsvImporter;
import com.itadcustody.asset.internal.AssetFilter;
import com.itadcustody.asset.internal.AssetSort;
import com.itadcustody.asset.web.AssetViews.ImportResult;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.InputRejected.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV import and export of assets with their media. */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "Assets")
class AssetCsvController {

    private final AssetCsvImporter importer;
    private final AssetCsvExporter exporter;
    private final CurrentActor actor;

    AssetCsvController(AssetCsvImporter importer, AssetCsvExporter exporter, CurrentActor actor) {
        this.importer = importer;
        this.exporter = exporter;
        this.actor = actor;
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    @PreAuthorize(AssetController.EDITORS)
    @Operation(summary = "Import assets with their media from a CSV body",
            description = "All or nothing: on any error nothing is imported and every bad row and field is listed "
                    + "(422). Format: docs/csv-format.md.")
    ResponseEntity<ImportResult> importCsv(@RequestBody byte[] body) {
        return imported(importer.importCsv(body, actor.get()));
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @PreAuthorize(AssetController.EDITORS)
    @Operation(summary = "Import assets with their media from an uploaded CSV file (form field 'file')")
    ResponseEntity<ImportResult> importCsvFile(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            String message = "attach the CSV file in the form field 'file'";
            throw new InputRejected(HttpStatus.BAD_REQUEST, "file-missing", message,
                    List.of(new Problem(null, "file", "required", message)), 1);
        }
        return imported(importer.importCsv(file.getBytes(), actor.get()));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @PreAuthorize(AssetController.READERS)
    @Operation(summary = "Export the filtered asset list as CSV (one row per medium, spreadsheet-safe)")
    void export(@RequestParam(required = false) AssetStatus status, @RequestParam(required = false) AssetType type,
            @RequestParam(required = false) String location, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        AssetSort order = AssetSort.parse(sort);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"assets-" + LocalDate.now() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        exporter.export(new AssetFilter(status, type, location, q), order, out);
        out.flush();
    }

    private static ResponseEntity<ImportResult> imported(AssetCsvImporter.Imported imported) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(imported.assets(), imported.media()));
    }
}
