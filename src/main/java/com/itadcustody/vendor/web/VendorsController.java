package com.itadcustody.vendor.web;

import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.VendorCertification;
import com.itadcustody.vendor.Vendors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the vendor organisations: administrators register them; managers and compliance read them. */
@RestController
@RequestMapping("/api/v1/vendors")
class VendorsController {

    private final Vendors vendors;
    private final CurrentActor currentActor;

    VendorsController(Vendors vendors, CurrentActor currentActor) {
        this.vendors = vendors;
        this.currentActor = currentActor;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','ASSET_MANAGER','COMPLIANCE')")
    List<Vendor> list() {
        return vendors.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ASSET_MANAGER','COMPLIANCE')")
    Vendor get(@PathVariable UUID id) {
        return vendors.find(id).orElseThrow(() -> new NotFound("vendor", id));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Vendor> register(@Valid @RequestBody RegisterVendor request) {
        Vendor vendor = vendors.register(request.name(), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + vendor.id())).body(vendor);
    }

    @PostMapping("/{id}/certifications")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<VendorCertification> addCertification(@PathVariable UUID id,
            @Valid @RequestBody NewCertification request) {
        VendorCertification added = vendors.addCertification(id, request.scheme(), request.certificateId(),
                request.issuer(), request.validFrom(), request.validUntil(), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + id + "/certifications")).body(added);
    }

    @GetMapping("/{id}/certifications")
    @PreAuthorize("hasAnyRole('ADMIN','ASSET_MANAGER','COMPLIANCE')")
    List<VendorCertification> certifications(@PathVariable UUID id) {
        vendors.find(id).orElseThrow(() -> new NotFound("vendor", id));
        return vendors.certificationsOf(id);
    }

    /** A certification of the vendor. */
    record NewCertification(@NotBlank @Size(max = 50) String scheme, @NotBlank @Size(max = 100) String certificateId,
            @NotBlank @Size(max = 200) String issuer, @jakarta.validation.constraints.NotNull java.time.LocalDate validFrom,
            @jakarta.validation.constraints.NotNull java.time.LocalDate validUntil) {
    }

    /** A new vendor organisation. */
    record RegisterVendor(@NotBlank @Size(max = 200) String name) {
    }
}
