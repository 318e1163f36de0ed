package com.itadcustody.certificate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.shared.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Request bodies for certificates: complete, valid records that tests then break one field at a time. */
final class CertificateFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private CertificateFixtures() {
    }

    /** A registered server with two SATA SSDs. */
    static Asset server(AssetRegistry registry) {
        return registry.register(AssetFixtures.anyServerWithTwoDisks(), AssetFixtures.actor(Role.IT_STAFF));
    }

    /** A complete Purge record (crypto erase with a named tool) for one medium. */
    static ObjectNode purge(UUID assetId, UUID mediumId) {
        ObjectNode r = JSON.createObjectNode();
        r.put("assetId", assetId.toString());
        r.put("mediumId", mediumId.toString());
        r.set("performedBy", person("Alex Operator", "Sanitization technician"));
        r.put("classification", "Confidential");
        r.put("dataBackedUp", "YES");
        r.put("backupLocation", "Backup vault BV-7, retention 7 years");
        r.put("methodType", "PURGE");
        r.put("methodUsed", "CRYPTO_ERASE");
        r.put("methodDetails", "ATA SANITIZE CRYPTO SCRAMBLE EXT");
        r.put("tool", "nwipe");
        r.put("toolVersion", "0.37");
        r.put("verificationMethod", "FULL");
        r.put("postSanitizationClassification", "Unclassified");
        r.put("notes", "Drive reported sanitize completion; full read-back verification found no data.");
        r.put("destination", "RECYCLING_FACILITY");
        r.put("destinationDetails", "GreenCycle GmbH, Leipzig (R2v3)");
        r.put("sanitizedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        r.set("validatedBy", person("Sam Verifier", "Compliance analyst"));
        return r;
    }

    /** A complete destruction disposition record for an asset. */
    static ObjectNode destruction(UUID assetId) {
        ObjectNode r = JSON.createObjectNode();
        r.put("assetId", assetId.toString());
        r.put("client", "Example Corp IT");
        r.put("vendor", "GreenCycle GmbH");
        var certifications = r.putArray("vendorCertifications");
        ObjectNode r2 = certifications.addObject();
        r2.put("scheme", "R2v3");
        r2.put("certificateId", "R2-123456");
        r2.put("validUntil", "2027-06-30");
        r.put("method", "DESTRUCTION");
        r.put("methodDetails", "Shredded with the chassis");
        r.put("particleSize", "20 mm");
        r.put("disposedAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        r.put("place", "GreenCycle GmbH, Leipzig");
        return r;
    }

    static ObjectNode person(String name, String title) {
        ObjectNode p = JSON.createObjectNode();
        p.put("name", name);
        p.put("title", title);
        p.put("organisation", "Example Corp IT");
        p.put("location", "Berlin data centre");
        p.put("phone", "+49 30 1234567");
        return p;
    }
}
