package com.itadcustody.vendor;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.PageResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry of vendor organisations: the vendor module's API to the other modules. Changes are for
 * administrators, whose role the REST API checks; reads are not scoped here: callers scope them (a vendor user sees
 * only its own organisation). The actor is recorded as the author of each change.
 */
public interface Vendors {

    /**
     * Registers a vendor organisation.
     *
     * @throws com.itadcustody.shared.DomainRuleViolated {@code vendor-name-taken} (409) if the name is in use,
     *     {@code vendor-name-required} (422) if it is blank
     */
    Vendor register(String name, Actor actor);

    /** The vendor organisation with this id, if there is one. */
    Optional<Vendor> find(UUID id);

    /** All vendor organisations, by name. */
    List<Vendor> list();

    /**
     * One page of the vendor organisations whose name contains {@code text} (ignoring case; blank: all), by name,
     * with their certifications in force on {@code day}.
     */
    PageResult<VendorSummary> search(String text, LocalDate day, int page, int size);

    /** The largest certificate document {@link #attachDocument} accepts, in bytes. */
    long maxDocumentBytes();

    /** Renames the vendor (404 unknown; 409 {@code vendor-name-taken}; 422 {@code vendor-name-required}). */
    Vendor rename(UUID vendorId, String name, Actor actor);

    /** Deactivates (or with {@code active} true reactivates) the vendor: a deactivated vendor takes no handoffs. */
    VendorProfile setActive(UUID vendorId, boolean active, Actor actor);

    /** The vendor with its contacts, sites and certifications as they stand on that day (404 unknown). */
    VendorProfile profile(UUID vendorId, LocalDate day);

    /** Adds a contact (404 unknown vendor; 422 naming the field for a bad value). */
    VendorContact addContact(UUID vendorId, VendorContact.Details details, Actor actor);

    /** Changes a contact (404 unknown vendor or contact). */
    VendorContact updateContact(UUID vendorId, UUID contactId, VendorContact.Details details, Actor actor);

    /** Removes a contact (404 unknown vendor or contact). */
    void removeContact(UUID vendorId, UUID contactId, Actor actor);

    /** The vendor's contacts, by name. */
    List<VendorContact> contactsOf(UUID vendorId);

    /** The e-mail addresses of the vendor's contacts flagged for notifications (empty for an unknown vendor). */
    List<String> notificationContacts(UUID vendorId);

    /** Adds a site (404 unknown vendor; 422 naming the field for a bad value). */
    VendorSite addSite(UUID vendorId, VendorSite.Details details, Actor actor);

    /** Changes a site (404 unknown vendor or site). */
    VendorSite updateSite(UUID vendorId, UUID siteId, VendorSite.Details details, Actor actor);

    /** Removes a site (404 unknown vendor or site). */
    void removeSite(UUID vendorId, UUID siteId, Actor actor);

    /** The vendor's sites, by name. */
    List<VendorSite> sitesOf(UUID vendorId);

    /** Records a certification of the vendor (404 for an unknown vendor; 422 if it ends before it starts). */
    VendorCertification addCertification(UUID vendorId, String scheme, String certificateId, String issuer,
            LocalDate validFrom, LocalDate validUntil, Actor actor);

    /** Records a certification with its scope (as {@link #addCertification(UUID, String, String, String, LocalDate,
     * LocalDate, Actor)}; 422 {@code certification-scheme-known} for a scheme not in {@link CertificationScheme}). */
    VendorCertification addCertification(UUID vendorId, String scheme, String certificateId, String issuer,
            LocalDate validFrom, LocalDate validUntil, String scope, Actor actor);

    /** Changes a certification's fields; its document stays (404 unknown vendor or certification). */
    VendorCertification updateCertification(UUID vendorId, UUID certificationId, String scheme, String certificateId,
            String issuer, LocalDate validFrom, LocalDate validUntil, String scope, Actor actor);

    /** Removes a certification from the vendor's current list (kept in the table as removed). */
    void removeCertification(UUID vendorId, UUID certificationId, Actor actor);

    /** The vendor's certifications, newest end first. */
    List<VendorCertification> certificationsOf(UUID vendorId);

    /**
     * Stores the certification's document, replacing an earlier one: PDF, PNG or JPEG as told by its first bytes
     * (422 {@code document-type} otherwise, whatever the client claimed), at most the configured size (413
     * {@code document-too-large}), kept with its SHA-256.
     */
    CertificationDocument attachDocument(UUID vendorId, UUID certificationId, String fileName, byte[] content,
            Actor actor);

    /** The certification's document with its bytes (404 unknown vendor or certification, or none uploaded). */
    CertificationDocument.Content document(UUID vendorId, UUID certificationId);

    /**
     * Whether the vendor may take a new handoff that day: it is active and holds at least one certification of a
     * handoff-qualifying scheme (R2v3, e-Stewards, NAID AAA unless configured) in force that day. An expired
     * certification blocks the handoff unless another one is in force.
     */
    boolean certifiedOn(UUID vendorId, LocalDate day);
}
