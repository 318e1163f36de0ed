package com.itadcustody.vendor.internal;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Sha256;
import com.itadcustody.vendor.CertificationDocument;
import com.itadcustody.vendor.CertificationScheme;
import com.itadcustody.vendor.CertificationStatus;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.VendorCertification;
import com.itadcustody.vendor.VendorContact;
import com.itadcustody.vendor.VendorProfile;
import com.itadcustody.vendor.VendorSite;
import com.itadcustody.vendor.VendorSummary;
import com.itadcustody.vendor.Vendors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor organisations kept in the {@code vendor} table, with their contacts, sites, certifications and
 * certificate documents in the vendor module's own tables.
 */
@Service
public class JdbcVendors implements Vendors {

    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. /]{3,50}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String CERTIFICATION_COLUMNS = """
            c.id, c.vendor_id, c.scheme, c.certificate_id, c.issuer, c.valid_from, c.valid_until, c.scope,
            d.file_name, d.media_type, d.size_bytes, d.sha256, d.uploaded_at""";

    private final JdbcClient jdbc;
    private final VendorSettings settings;

    /** Creates the registry on the application's data source with its settings. */
    @Autowired
    public JdbcVendors(JdbcClient jdbc, VendorSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Creates the registry with the default settings (tests that build it by hand). */
    public JdbcVendors(JdbcClient jdbc) {
        this(jdbc, VendorSettings.defaults());
    }

    @Override
    @Transactional
    public Vendor register(String name, Actor actor) {
        String trimmed = vendorName(name);
        UUID id = UUID.randomUUID();
        try {
            return jdbc.sql("""
                    insert into vendor (id, name, created_by) values (:id, :name, :createdBy)
                    returning id, name, created_at""")
                    .param("id", id)
                    .param("name", trimmed)
                    .param("createdBy", actor.userId())
                    .query(JdbcVendors::vendor)
                    .single();
        } catch (DuplicateKeyException e) {
            throw nameTaken(trimmed);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Vendor> find(UUID id) {
        return jdbc.sql("select id, name, created_at from vendor where id = ?")
                .param(id)
                .query(JdbcVendors::vendor)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Vendor> list() {
        return jdbc.sql("select id, name, created_at from vendor order by name, id")
                .query(JdbcVendors::vendor)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<VendorSummary> search(String text, LocalDate day,
            int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        boolean all = text == null || text.isBlank();
        String pattern = all ? "%" : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        long total = jdbc.sql("select count(*) from vendor where name ilike :text escape '\\'")
                .param("text", pattern).query(Long.class).single();
        List<VendorSummary> rows = jdbc.sql("""
                select v.id, v.name, v.created_at, v.deactivated_at,
                       (select count(*) from vendor_certification c where c.vendor_id = v.id and c.removed_at is null
                           and c.valid_until >= :day and c.valid_from <= :day) as in_force,
                       (select min(c.valid_until) from vendor_certification c where c.vendor_id = v.id
                           and c.removed_at is null and c.valid_until >= :day and c.valid_from <= :day) as next_expiry,
                       exists (select 1 from vendor_webhook_secret s where s.vendor_id = v.id) as has_secret
                  from vendor v
                 where v.name ilike :text escape '\\'
                 order by v.name, v.id
                 limit :size offset :offset""")
                .param("text", pattern).param("day", day).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new VendorSummary(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getTimestamp("deactivated_at") == null,
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("in_force"),
                        rs.getObject("next_expiry", LocalDate.class), rs.getBoolean("has_secret")))
                .list();
        return PageResult.of(rows, page, size, total);
    }

    @Override
    public long maxDocumentBytes() {
        return settings.maxDocumentSize().toBytes();
    }

    @Override
    @Transactional
    public Vendor rename(UUID vendorId, String name, Actor actor) {
        String trimmed = vendorName(name);
        lockVendor(vendorId);
        try {
            return jdbc.sql("""
                    update vendor set name = :name, updated_at = now(), updated_by = :by where id = :id
                    returning id, name, created_at""")
                    .param("id", vendorId).param("name", trimmed).param("by", actor.userId())
                    .query(JdbcVendors::vendor).single();
        } catch (DuplicateKeyException e) {
            throw nameTaken(trimmed);
        }
    }

    @Override
    @Transactional
    public VendorProfile setActive(UUID vendorId, boolean active, Actor actor) {
        lockVendor(vendorId);
        jdbc.sql("""
                update vendor set deactivated_at = case when :active then null else coalesce(deactivated_at, now()) end,
                    deactivated_by = case when :active then null else coalesce(deactivated_by, :by) end,
                    updated_at = now(), updated_by = :by
                where id = :id""")
                .param("id", vendorId).param("active", active).param("by", actor.userId()).update();
        return profile(vendorId, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Override
    @Transactional(readOnly = true)
    public VendorProfile profile(UUID vendorId, LocalDate day) {
        record Row(UUID id, String name, Instant createdAt, Instant deactivatedAt) {
        }
        Row row = jdbc.sql("select id, name, created_at, deactivated_at from vendor where id = ?").param(vendorId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3),
                        instant(rs, 4)))
                .optional().orElseThrow(() -> new NotFound("vendor", vendorId));
        List<VendorProfile.CertificationState> states = certificationsOf(vendorId).stream()
                .map(c -> new VendorProfile.CertificationState(c, c.statusOn(day, settings.expiryWarningDays()),
                        c.daysLeft(day), qualifies(c)))
                .toList();
        boolean active = row.deactivatedAt() == null;
        boolean qualified = states.stream().anyMatch(s -> s.qualifiesForHandoff() && s.status().inForce());
        List<String> warnings = new ArrayList<>();
        if (!active) {
            warnings.add("The vendor is deactivated and takes no new handoffs.");
        } else if (!qualified) {
            warnings.add("No " + schemesText() + " certification is in force on " + day
                    + ": the vendor takes no new handoffs.");
        }
        for (VendorProfile.CertificationState s : states) {
            if (s.status() == CertificationStatus.EXPIRING) {
                VendorCertification c = s.certification();
                warnings.add(CertificationScheme.valueOf(c.scheme()).displayName() + " certificate "
                        + c.certificateId() + " expires on " + c.validUntil() + " (in " + s.daysLeft() + " days).");
            }
        }
        return new VendorProfile(row.id(), row.name(), active, row.createdAt(), row.deactivatedAt(), day,
                active && qualified, List.copyOf(warnings), contactsOf(vendorId), sitesOf(vendorId), states);
    }

    @Override
    @Transactional
    public VendorContact addContact(UUID vendorId, VendorContact.Details details, Actor actor) {
        lockVendor(vendorId);
        VendorContact contact = contact(UUID.randomUUID(), vendorId, details);
        jdbc.sql("""
                insert into vendor_contact (id, vendor_id, name, function, email, phone, notifications, created_by)
                values (:id, :vendor, :name, :function, :email, :phone, :notify, :by)""")
                .param("id", contact.id()).param("vendor", vendorId).param("name", contact.name())
                .param("function", contact.function()).param("email", contact.email())
                .param("phone", contact.phone()).param("notify", contact.notifications())
                .param("by", actor.userId()).update();
        return contact;
    }

    @Override
    @Transactional
    public VendorContact updateContact(UUID vendorId, UUID contactId, VendorContact.Details details, Actor actor) {
        lockVendor(vendorId);
        VendorContact contact = contact(contactId, vendorId, details);
        int updated = jdbc.sql("""
                update vendor_contact set name = :name, function = :function, email = :email, phone = :phone,
                    notifications = :notify, updated_at = now(), updated_by = :by
                where id = :id and vendor_id = :vendor""")
                .param("id", contactId).param("vendor", vendorId).param("name", contact.name())
                .param("function", contact.function()).param("email", contact.email())
                .param("phone", contact.phone()).param("notify", contact.notifications())
                .param("by", actor.userId()).update();
        if (updated == 0) {
            throw new NotFound("contact", contactId);
        }
        return contact;
    }

    @Override
    @Transactional
    public void removeContact(UUID vendorId, UUID contactId, Actor actor) {
        lockVendor(vendorId);
        if (jdbc.sql("delete from vendor_contact where id = :id and vendor_id = :vendor").param("id", contactId)
                .param("vendor", vendorId).update() == 0) {
            throw new NotFound("contact", contactId);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<VendorContact> contactsOf(UUID vendorId) {
        return jdbc.sql("""
                select id, vendor_id, name, function, email, phone, notifications from vendor_contact
                where vendor_id = ? order by name, id""")
                .param(vendorId)
                .query((rs, n) -> new VendorContact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> notificationContacts(UUID vendorId) {
        return jdbc.sql("""
                select distinct c.email from vendor_contact c join vendor v on v.id = c.vendor_id
                where c.vendor_id = ? and c.notifications and v.deactivated_at is null order by c.email""")
                .param(vendorId).query(String.class).list();
    }

    @Override
    @Transactional
    public VendorSite addSite(UUID vendorId, VendorSite.Details details, Actor actor) {
        lockVendor(vendorId);
        VendorSite site = site(UUID.randomUUID(), vendorId, details);
        jdbc.sql("""
                insert into vendor_site (id, vendor_id, name, address, country, r2_facility, created_by)
                values (:id, :vendor, :name, :address, :country, :r2, :by)""")
                .param("id", site.id()).param("vendor", vendorId).param("name", site.name())
                .param("address", site.address()).param("country", site.country()).param("r2", site.r2Facility())
                .param("by", actor.userId()).update();
        return site;
    }

    @Override
    @Transactional
    public VendorSite updateSite(UUID vendorId, UUID siteId, VendorSite.Details details, Actor actor) {
        lockVendor(vendorId);
        VendorSite site = site(siteId, vendorId, details);
        int updated = jdbc.sql("""
                update vendor_site set name = :name, address = :address, country = :country, r2_facility = :r2,
                    updated_at = now(), updated_by = :by
                where id = :id and vendor_id = :vendor""")
                .param("id", siteId).param("vendor", vendorId).param("name", site.name())
                .param("address", site.address()).param("country", site.country()).param("r2", site.r2Facility())
                .param("by", actor.userId()).update();
        if (updated == 0) {
            throw new NotFound("site", siteId);
        }
        return site;
    }

    @Override
    @Transactional
    public void removeSite(UUID vendorId, UUID siteId, Actor actor) {
        lockVendor(vendorId);
        if (jdbc.sql("delete from vendor_site where id = :id and vendor_id = :vendor").param("id", siteId)
                .param("vendor", vendorId).update() == 0) {
            throw new NotFound("site", siteId);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<VendorSite> sitesOf(UUID vendorId) {
        return jdbc.sql("""
                select id, vendor_id, name, address, country, r2_facility from vendor_site
                where vendor_id = ? order by name, id""")
                .param(vendorId)
                .query((rs, n) -> new VendorSite(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    @Override
    @Transactional
    public VendorCertification addCertification(UUID vendorId, String scheme, String certificateId, String issuer,
            LocalDate validFrom, LocalDate validUntil, Actor actor) {
        return addCertification(vendorId, scheme, certificateId, issuer, validFrom, validUntil, null, actor);
    }

    @Override
    @Transactional
    public VendorCertification addCertification(UUID vendorId, String scheme, String certificateId, String issuer,
            LocalDate validFrom, LocalDate validUntil, String scope, Actor actor) {
        lockVendor(vendorId);
        VendorCertification c = certification(UUID.randomUUID(), vendorId, scheme, certificateId, issuer, validFrom,
                validUntil, scope);
        jdbc.sql("""
                insert into vendor_certification (id, vendor_id, scheme, certificate_id, issuer, valid_from,
                    valid_until, scope, created_at, created_by)
                values (:id, :vendor, :scheme, :cert, :issuer, :from, :until, :scope, now(), :by)""")
                .param("id", c.id()).param("vendor", vendorId).param("scheme", c.scheme())
                .param("cert", c.certificateId()).param("issuer", c.issuer()).param("from", c.validFrom())
                .param("until", c.validUntil()).param("scope", c.scope()).param("by", actor.userId()).update();
        return c;
    }

    @Override
    @Transactional
    public VendorCertification updateCertification(UUID vendorId, UUID certificationId, String scheme,
            String certificateId, String issuer, LocalDate validFrom, LocalDate validUntil, String scope,
            Actor actor) {
        lockVendor(vendorId);
        VendorCertification c = certification(certificationId, vendorId, scheme, certificateId, issuer, validFrom,
                validUntil, scope);
        int updated = jdbc.sql("""
                update vendor_certification set scheme = :scheme, certificate_id = :cert, issuer = :issuer,
                    valid_from = :from, valid_until = :until, scope = :scope, updated_at = now(), updated_by = :by
                where id = :id and vendor_id = :vendor and removed_at is null""")
                .param("id", certificationId).param("vendor", vendorId).param("scheme", c.scheme())
                .param("cert", c.certificateId()).param("issuer", c.issuer()).param("from", c.validFrom())
                .param("until", c.validUntil()).param("scope", c.scope()).param("by", actor.userId()).update();
        if (updated == 0) {
            throw new NotFound("certification", certificationId);
        }
        return certification(vendorId, certificationId);
    }

    @Override
    @Transactional
    public void removeCertification(UUID vendorId, UUID certificationId, Actor actor) {
        lockVendor(vendorId);
        if (jdbc.sql("""
                update vendor_certification set removed_at = now(), removed_by = :by
                where id = :id and vendor_id = :vendor and removed_at is null""")
                .param("id", certificationId).param("vendor", vendorId).param("by", actor.userId()).update() == 0) {
            throw new NotFound("certification", certificationId);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<VendorCertification> certificationsOf(UUID vendorId) {
        return jdbc.sql("select " + CERTIFICATION_COLUMNS + """
                 from vendor_certification c left join vendor_certification_document d on d.certification_id = c.id
                where c.vendor_id = :vendor and c.removed_at is null
                order by c.valid_until desc, c.scheme, c.id""")
                .param("vendor", vendorId)
                .query(JdbcVendors::certification).list();
    }

    @Override
    @Transactional
    public CertificationDocument attachDocument(UUID vendorId, UUID certificationId, String fileName, byte[] content,
            Actor actor) {
        lockVendor(vendorId);
        certification(vendorId, certificationId);
        if (content == null || content.length == 0) {
            throw DomainRuleViolated.unprocessable("document-required", "file", "the uploaded file is empty");
        }
        long max = settings.maxDocumentSize().toBytes();
        if (content.length > max) {
            throw new DomainRuleViolated(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", "file",
                    "a certificate document may have at most " + max + " bytes; this one has " + content.length);
        }
        String mediaType = DocumentTypes.sniff(content).orElseThrow(() -> DomainRuleViolated.unprocessable(
                "document-type", "file", "a certificate document must be a PDF, PNG or JPEG file"));
        String name = fileName(fileName);
        CertificationDocument document = new CertificationDocument(name, mediaType, content.length,
                Sha256.hex(content), Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("""
                insert into vendor_certification_document (certification_id, file_name, media_type, size_bytes,
                    sha256, content, uploaded_at, uploaded_by)
                values (:id, :name, :type, :size, :sha, :content, :at, :by)
                on conflict (certification_id) do update set file_name = excluded.file_name,
                    media_type = excluded.media_type, size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
                    content = excluded.content, uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by""")
                .param("id", certificationId).param("name", document.fileName()).param("type", mediaType)
                .param("size", (long) content.length).param("sha", document.sha256()).param("content", content)
                .param("at", Timestamp.from(document.uploadedAt())).param("by", actor.userId()).update();
        return document;
    }

    @Override
    @Transactional(readOnly = true)
    public CertificationDocument.Content document(UUID vendorId, UUID certificationId) {
        VendorCertification c = certification(vendorId, certificationId);
        if (c.document() == null) {
            throw new NotFound("document of certification", certificationId);
        }
        byte[] bytes = jdbc.sql("select content from vendor_certification_document where certification_id = ?")
                .param(certificationId).query(byte[].class).single();
        return new CertificationDocument.Content(c.document(), bytes);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean certifiedOn(UUID vendorId, LocalDate day) {
        boolean active = jdbc.sql("select deactivated_at is null from vendor where id = ?").param(vendorId)
                .query(Boolean.class).optional().orElse(false);
        return active && certificationsOf(vendorId).stream()
                .anyMatch(c -> qualifies(c) && c.statusOn(day, settings.expiryWarningDays()).inForce());
    }

    private boolean qualifies(VendorCertification c) {
        return settings.handoffSchemes().contains(CertificationScheme.valueOf(c.scheme()));
    }

    private String schemesText() {
        return String.join(", ", settings.handoffSchemes().stream().sorted().map(CertificationScheme::displayName)
                .toList()).replaceFirst(", ([^,]*)$", " or $1");
    }

    private VendorCertification certification(UUID vendorId, UUID certificationId) {
        return jdbc.sql("select " + CERTIFICATION_COLUMNS + """
                 from vendor_certification c left join vendor_certification_document d on d.certification_id = c.id
                where c.id = :id and c.vendor_id = :vendor and c.removed_at is null""")
                .param("id", certificationId).param("vendor", vendorId)
                .query(JdbcVendors::certification).optional()
                .orElseThrow(() -> new NotFound("certification", certificationId));
    }

    private void lockVendor(UUID vendorId) {
        jdbc.sql("select id from vendor where id = ? for update").param(vendorId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFound("vendor", vendorId));
    }

    private static String vendorName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw DomainRuleViolated.unprocessable("vendor-name-required", "name", "A vendor needs a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw DomainRuleViolated.unprocessable("vendor-name-too-long", "name",
                    "A vendor name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static DomainRuleViolated nameTaken(String name) {
        return DomainRuleViolated.conflict("vendor-name-taken", "name",
                "A vendor named '" + name + "' is registered already.");
    }

    private static VendorContact contact(UUID id, UUID vendorId, VendorContact.Details d) {
        if (d == null) {
            throw DomainRuleViolated.unprocessable("required", "name", "a contact needs a name and an e-mail address");
        }
        String name = required(d.name(), "name", 200);
        String email = required(d.email(), "email", 320);
        if (!EMAIL.matcher(email).matches()) {
            throw DomainRuleViolated.unprocessable("email-format", "email", "not an e-mail address: " + email);
        }
        String phone = optional(d.phone(), "phone", 50);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw DomainRuleViolated.unprocessable("phone-format", "phone",
                    "a phone number has digits, spaces and + ( ) - . / only");
        }
        return new VendorContact(id, vendorId, name, optional(d.function(), "function", 200), email, phone,
                Boolean.TRUE.equals(d.notifications()));
    }

    private static VendorSite site(UUID id, UUID vendorId, VendorSite.Details d) {
        if (d == null) {
            throw DomainRuleViolated.unprocessable("required", "name", "a site needs a name, address and country");
        }
        String name = required(d.name(), "name", 200);
        String address = required(d.address(), "address", 1000);
        String country = required(d.country(), "country", 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw DomainRuleViolated.unprocessable("country-code", "country",
                    "country must be an ISO 3166-1 alpha-2 code such as DE or US");
        }
        return new VendorSite(id, vendorId, name, address, country, Boolean.TRUE.equals(d.r2Facility()));
    }

    private static VendorCertification certification(UUID id, UUID vendorId, String scheme, String certificateId,
            String issuer, LocalDate validFrom, LocalDate validUntil, String scope) {
        CertificationScheme parsed = CertificationScheme.parse(scheme);
        String cert = required(certificateId, "certificateId", 100);
        String by = required(issuer, "issuer", 200);
        if (validFrom == null) {
            throw DomainRuleViolated.unprocessable("required", "validFrom", "validFrom is required");
        }
        if (validUntil == null) {
            throw DomainRuleViolated.unprocessable("required", "validUntil", "validUntil is required");
        }
        if (validUntil.isBefore(validFrom)) {
            throw DomainRuleViolated.unprocessable("valid-period", "validUntil",
                    "a certification cannot end before it starts");
        }
        return new VendorCertification(id, vendorId, parsed.name(), cert, by, validFrom, validUntil,
                optional(scope, "scope", 2000), null);
    }

    private static String required(String value, String field, int max) {
        String trimmed = optional(value, field, max);
        if (trimmed == null) {
            throw DomainRuleViolated.unprocessable("required", field, field + " is required");
        }
        return trimmed;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw DomainRuleViolated.unprocessable("max-length", field,
                    field + " has at most " + max + " characters");
        }
        return trimmed;
    }

    private static String fileName(String given) {
        String base = given == null ? "" : given.replaceAll("^.*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (base.isEmpty()) {
            base = "certificate";
        }
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base;
    }

    private static Vendor vendor(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new Vendor(rs.getObject("id", UUID.class), rs.getString("name"), created.toInstant());
    }

    private static VendorCertification certification(ResultSet rs, int row) throws SQLException {
        CertificationDocument document = rs.getString("file_name") == null ? null : new CertificationDocument(
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant());
        return new VendorCertification(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                rs.getString("scheme"), rs.getString("certificate_id"), rs.getString("issuer"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("scope"), document);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
