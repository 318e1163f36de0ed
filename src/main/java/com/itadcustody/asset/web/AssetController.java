package com.itadcustody.asset.web;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.internal.AssetAccess;
import com.itadcustody.asset.internal.AssetFilter;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.AssetSort;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.asset.web.AssetViews.ArchiveRequest;
import com.itadcustody.asset.web.AssetViews.AssetView;
import com.itadcustody.asset.web.AssetViews.MediumView;
import com.itadcustody.asset.web.AssetViews.UpdateAssetRequest;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The asset registry's REST API: assets and their storage media. */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "Assets", description = "Hardware assets and their storage media")
@Validated
class AssetController {

    static final String READERS = AssetAccess.READERS;
    static final String EDITORS = AssetAccess.EDITORS;
    static final String MANAGERS = AssetAccess.MANAGERS;

    private final AssetRegistry registry;
    private final AssetWebMapper mapper;
    private final CurrentActor actor;

    AssetController(AssetRegistry registry, AssetWebMapper mapper, CurrentActor actor) {
        this.registry = registry;
        this.mapper = mapper;
        this.actor = actor;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "List assets", description = "Paged; filter by status, type, location (exact) and q "
            + "(substring of tag, serial number or model); sort as field,asc|desc.")
    PageResult<AssetView> list(@RequestParam(required = false) AssetStatus status,
            @RequestParam(required = false) AssetType type, @RequestParam(required = false) String location,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String sort) {
        return registry.list(new AssetFilter(status, type, location, q), AssetSort.parse(sort), page, size)
                .map(mapper::toView);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "Get one asset with its media")
    AssetView get(@PathVariable UUID id) {
        return mapper.toView(registry.get(id));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    @Operation(summary = "Register an asset, optionally with its storage media")
    ResponseEntity<AssetView> register(@Valid @RequestBody AssetInput input) {
        AssetView view = mapper.toView(registry.register(input, actor.get()));
        return ResponseEntity.created(URI.create("/api/v1/assets/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change an asset's fields", description = "Send the version you read; the status cannot "
            + "be changed here (409): it moves only through the retirement workflow.")
    AssetView update(@PathVariable UUID id, @Valid @RequestBody UpdateAssetRequest request) {
        AssetInput input = mapper.toInput(request);
        ValidInput.check(input);
        return mapper.toView(registry.update(id, input, request.version(), request.status(), actor.get()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Delete an asset registered by mistake",
            description = "Refused with 409 once the asset has custody or license history: archive it instead.")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        registry.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Archive an asset in service (kept with its history, no longer listed as in service)")
    AssetView archive(@PathVariable UUID id, @Valid @RequestBody(required = false) ArchiveRequest request) {
        return mapper.toView(registry.transition(id, AssetStatus.ARCHIVED, actor.get(),
                request == null ? null : request.reason()));
    }

    @PostMapping("/{id}/media")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add a storage medium to an asset")
    ResponseEntity<MediumView> addMedium(@PathVariable UUID id, @Valid @RequestBody MediumInput input) {
        MediumView view = mapper.toView(registry.addMedium(id, input, actor.get()));
        return ResponseEntity.created(URI.create("/api/v1/assets/" + id + "/media/" + view.id())).body(view);
    }

    @DeleteMapping("/{id}/media/{mediumId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Remove a medium registered by mistake (only while the asset is in service)")
    ResponseEntity<Void> removeMedium(@PathVariable UUID id, @PathVariable UUID mediumId) {
        registry.removeMedium(id, mediumId, actor.get());
        return ResponseEntity.noContent().build();
    }
}
