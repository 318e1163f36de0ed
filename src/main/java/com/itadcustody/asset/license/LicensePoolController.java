package com.itadcustody.asset.license;

import com.itadcustody.asset.SeatAssignmentView;
import com.itadcustody.asset.internal.AssetAccess;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** REST API of license pools and their seats, including the list of an asset's seats. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "License pools", description = "Software license pools and the seats assigned from them")
class LicensePoolController {

    static final String READ = AssetAccess.READERS;
    static final String MANAGE_POOLS = AssetAccess.MANAGERS;
    static final String MANAGE_SEATS = AssetAccess.EDITORS;
    static final String SORT = "(publisher|product|metric|seatsOwned|renewalDate|createdAt|updatedAt)(,(asc|desc))?";

    private final LicensePoolService poolService;
    private final SeatService seatService;
    private final CurrentActor currentActor;

    LicensePoolController(LicensePoolService poolService, SeatService seatService, CurrentActor currentActor) {
        this.poolService = poolService;
        this.seatService = seatService;
        this.currentActor = currentActor;
    }

    /** Lists license pools, filtered and sorted, one page at a time. */
    @GetMapping("/license-pools")
    @PreAuthorize(READ)
    @Operation(operationId = "listLicensePools", summary = "List license pools",
            description = "Filters are optional; publisher and product match a case-insensitive substring.")
    public PageResult<LicensePoolResponse> list(
            @RequestParam(required = false) String publisher,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) LicenseMetric metric,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "publisher,asc") @Pattern(regexp = SORT)
            @Parameter(description = "field[,asc|desc]; fields: publisher, product, metric, seatsOwned, "
                    + "renewalDate, createdAt, updatedAt") String sort) {
        String[] parts = sort.split(",");
        PoolQuery query = new PoolQuery(blankToNull(publisher), blankToNull(product), metric, parts[0],
                parts.length == 1 || parts[1].equals("asc"), page, size);
        return poolService.list(query).map(LicensePoolResponse::of);
    }

    /** One license pool with its seat counts. */
    @GetMapping("/license-pools/{id}")
    @PreAuthorize(READ)
    @Operation(operationId = "getLicensePool",
            summary = "Get a license pool with seatsOwned, seatsAssigned and seatsFree")
    public LicensePoolResponse get(@PathVariable UUID id) {
        return LicensePoolResponse.of(poolService.get(id));
    }

    /** Creates a license pool. */
    @PostMapping("/license-pools")
    @PreAuthorize(MANAGE_POOLS)
    @Operation(operationId = "createLicensePool", summary = "Create a license pool",
            description = "422 unknown-currency / currency-required when cost and currency do not fit.")
    public ResponseEntity<LicensePoolResponse> create(@Valid @RequestBody LicensePoolRequest request) {
        PoolUsage created = poolService.create(request.terms(), currentActor.get());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.pool().id()).toUri();
        return ResponseEntity.created(location).body(LicensePoolResponse.of(created));
    }

    /** Replaces a license pool's terms. */
    @PutMapping("/license-pools/{id}")
    @PreAuthorize(MANAGE_POOLS)
    @Operation(operationId = "updateLicensePool", summary = "Change a license pool",
            description = "409 concurrent-change on a stale version; 409 seats-below-assigned when seatsOwned "
                    + "would fall below the seats assigned; 409 metric-conflicts-with-seats.")
    public LicensePoolResponse update(@PathVariable UUID id, @Valid @RequestBody LicensePoolUpdate request) {
        return LicensePoolResponse.of(poolService.update(id, request.version(), request.terms(),
                currentActor.get()));
    }

    /** The pool's active seats, or its whole seat history. */
    @GetMapping("/license-pools/{id}/seats")
    @PreAuthorize(READ)
    @Operation(operationId = "listLicensePoolSeats", summary = "List a pool's seats",
            description = "Active seats; includeReleased=true adds the released ones.")
    public List<SeatResponse> seats(@PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean includeReleased) {
        return seatService.seatsOf(id, includeReleased).stream().map(SeatResponse::of).toList();
    }

    /** Assigns a seat of the pool to an asset or a person. */
    @PostMapping("/license-pools/{id}/seats")
    @PreAuthorize(MANAGE_SEATS)
    @Operation(operationId = "assignLicenseSeat",
            summary = "Assign a seat to an asset (assetId) or a person (assignee)",
            description = "409 no-free-seats, already-assigned, asset-not-in-service; "
                    + "422 seat-target-mismatch, exactly-one-target, unknown-asset.")
    public ResponseEntity<SeatResponse> assign(@PathVariable UUID id, @Valid @RequestBody SeatRequest request) {
        SeatAssignment seat = seatService.assign(id, request.target(), currentActor.get());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/license-pools/{id}/seats/{seatId}").buildAndExpand(id, seat.id()).toUri();
        return ResponseEntity.created(location).body(SeatResponse.of(seat));
    }

    /** Releases a seat back to its pool; the assignment stays in the history. */
    @PostMapping("/license-pools/{id}/seats/{seatId}/release")
    @PreAuthorize(MANAGE_SEATS)
    @Operation(operationId = "releaseLicenseSeat", summary = "Release a seat",
            description = "409 already-released if it was released before.")
    public SeatResponse release(@PathVariable UUID id, @PathVariable UUID seatId) {
        return SeatResponse.of(seatService.release(id, seatId, currentActor.get()));
    }

    /** The seats an asset holds now. */
    @GetMapping("/assets/{assetId}/seats")
    @PreAuthorize(READ)
    @Tag(name = "Assets")
    @Operation(operationId = "listAssetLicenseSeats", summary = "List the license seats an asset holds")
    public List<SeatAssignmentView> assetSeats(@PathVariable UUID assetId) {
        return seatService.seatsOfExistingAsset(assetId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
