package com.itadcustody.vendor.internal;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.VendorCertification;
import com.itadcustody.vendor.Vendors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vendor organisations kept in the {@code vendor} table. */
@Service
public class JdbcVendors implements Vendors {

    static final int MAX_NAME_LENGTH = 200;

    private final JdbcClient jdbc;

    /** Creates the registry on the application's data source. */
    public JdbcVendors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Vendor register(String name, Actor actor) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw DomainRuleViolated.unprocessable("vendor-name-required", "name", "A vendor needs a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw DomainRuleViolated.unprocessable("vendor-name-too-long", "name",
                    "A vendor name has at most " + MAX_NAME_LENGTH + " characters.");
        }
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
            throw DomainRuleViolated.conflict("vendor-name-taken", "name",
                    "A vendor named '" + trimmed + "' is registered already.");
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

    private static Vendor vendor(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new Vendor(rs.getObject("id", UUID.class), rs.getString("name"), created.toInstant());
    }

    @Override
    @Transactional
    public VendorCertification addCertification(UUID vendorId, String scheme, String certificateId, String issuer,
            java.time.LocalDate validFrom, java.time.LocalDate validUntil, Actor actor) {
        find(vendorId).orElseThrow(() -> new com.itadcustody.shared.NotFound("vendor", vendorId));
        if (validUntil.isBefore(validFrom)) {
            throw DomainRuleViolated.unprocessable("valid-period", "validUntil",
                    "a certification cannot end before it starts");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into vendor_certification (id, vendor_id, scheme, certificate_id, issuer, valid_from,
                    valid_until, created_at, created_by)
                values (:id, :vendor, :scheme, :cert, :issuer, :from, :until, now(), :by)""")
                .param("id", id).param("vendor", vendorId).param("scheme", scheme.strip())
                .param("cert", certificateId.strip()).param("issuer", issuer.strip()).param("from", validFrom)
                .param("until", validUntil).param("by", actor.userId()).update();
        return new VendorCertification(id, vendorId, scheme.strip(), certificateId.strip(), issuer.strip(), validFrom,
                validUntil);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VendorCertification> certificationsOf(UUID vendorId) {
        return jdbc.sql("select id, vendor_id, scheme, certificate_id, issuer, valid_from, valid_until"
                + " from vendor_certification where vendor_id = :vendor order by valid_until desc, scheme")
                .param("vendor", vendorId)
                .query((rs, n) -> new VendorCertification(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, java.time.LocalDate.class),
                        rs.getObject(7, java.time.LocalDate.class))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean certifiedOn(UUID vendorId, java.time.LocalDate day) {
        return certificationsOf(vendorId).stream().anyMatch(c -> c.validOn(day));
    }
}
