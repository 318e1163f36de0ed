package com.itadcustody.certificate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.asset.MediaType;
import com.itadcustody.certificate.CertificateType;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.DispositionRecord;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord;
import com.itadcustody.certificate.internal.CertificateDocument.Evidence;
import com.itadcustody.certificate.internal.CertificateDocument.Field;
import com.itadcustody.certificate.internal.CertificateDocument.Section;
import com.itadcustody.custody.CustodyEvidence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a sanitization or disposition record into a certificate's two faces: the machine-readable JSON (embedded
 * in the PDF and kept in the registry) and the printed sections.
 */
public final class CertificateContent {

    /** JSON schema id of a Certificate of Sanitization. */
    public static final String SANITIZATION_SCHEMA = "https://itadcustody.com/schemas/certificate-of-sanitization/v1";
    /** JSON schema id of a Certificate of Disposition. */
    public static final String DISPOSITION_SCHEMA = "https://itadcustody.com/schemas/certificate-of-disposition/v1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateContent() {
    }

    /** The header every certificate shares. */
    public record Header(String number, CertificateType type, Instant issuedAt, String issuer, String supersedes,
            String verificationUrl) {
    }

    /** The JSON and the printable document of a Certificate of Sanitization. */
    public static CertificateDocument sanitization(Header header, SanitizationRecord r, AssetSummary asset,
            AssetSummary.Medium medium, CustodyEvidence.Evidence evidence) {
        Map<String, Object> json = base(header, SANITIZATION_SCHEMA, "NIST SP 800-88 Rev. 1, Appendix G");
        json.put("performedBy", person(r.performedBy()));
        json.put("media", map(
                "make", medium.make(), "model", medium.model(), "serialNumber", medium.serialNumber(),
                "propertyNumber", asset.tag(), "mediaType", medium.mediaType().name(),
                "capacityBytes", medium.capacityBytes(),
                "source", map("assetId", asset.id().toString(), "propertyNumber", asset.tag(),
                        "serialNumber", asset.serialNumber(), "type", asset.type().name(), "make", asset.make(),
                        "model", asset.model()),
                "classification", r.classification(), "dataBackedUp", r.dataBackedUp().name(),
                "backupLocation", r.backupLocation()));
        json.put("sanitization", map(
                "methodType", r.methodType().name(), "methodUsed", r.methodUsed().name(),
                "methodDetails", r.methodDetails(), "tool", r.tool(), "toolVersion", r.toolVersion(),
                "verificationMethod", r.verificationMethod().name(),
                "postSanitizationClassification", r.postSanitizationClassification(), "notes", r.notes(),
                "completedAt", instant(r.sanitizedAt())));
        json.put("destination", map("type", r.destination().name(), "details", r.destinationDetails()));
        json.put("validatedBy", person(r.validatedBy()));
        json.put("custody", custody(evidence));

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Person performing sanitization", personFields(r.performedBy())));
        sections.add(new Section("Media information", List.of(
                new Field("Make / vendor", medium.make()),
                new Field("Model", medium.model()),
                new Field("Serial number", medium.serialNumber()),
                new Field("Media property number", asset.tag()),
                new Field("Media type", mediaLabel(medium.mediaType())),
                new Field("Capacity", capacity(medium.capacityBytes())),
                new Field("Source (parent computer)", join(asset.tag(), asset.make(), asset.model(),
                        asset.serialNumber() == null ? null : "S/N " + asset.serialNumber())),
                new Field("Classification", r.classification()),
                new Field("Data backed up", label(r.dataBackedUp().name())),
                new Field("Backup location", r.backupLocation()))));
        sections.add(new Section("Sanitization details", List.of(
                new Field("Method type", label(r.methodType().name())),
                new Field("Method used", label(r.methodUsed().name())),
                new Field("Method details", r.methodDetails()),
                new Field("Tool used (and version)", join(r.tool(), r.toolVersion())),
                new Field("Verification method", label(r.verificationMethod().name())),
                new Field("Post-sanitization classification", r.postSanitizationClassification()),
                new Field("Completed", PRINTED.format(r.sanitizedAt())),
                new Field("Notes", r.notes()))));
        sections.add(new Section("Media destination", List.of(
                new Field("Destination", label(r.destination().name())),
                new Field("Details", r.destinationDetails()))));
        sections.add(new Section("Validation", personFields(r.validatedBy())));
        return document(header, "NIST SP 800-88 Rev. 1, Appendix G", json, sections, evidence);
    }

    /** The JSON and the printable document of a Certificate of Disposition. */
    public static CertificateDocument disposition(Header header, DispositionRecord r, AssetSummary asset,
            List<CertificateView> mediaCertificates, CustodyEvidence.Evidence evidence) {
        Map<String, Object> json = base(header, DISPOSITION_SCHEMA, "R2v3 final disposition record");
        json.put("client", r.client());
        json.put("vendor", map("name", r.vendor(), "certifications", r.vendorCertifications() == null ? List.of()
                : r.vendorCertifications().stream().map(c -> map("scheme", c.scheme(), "certificateId",
                        c.certificateId(), "validUntil", c.validUntil().toString())).toList()));
        json.put("asset", map("assetId", asset.id().toString(), "propertyNumber", asset.tag(), "serialNumber",
                asset.serialNumber(), "type", asset.type().name(), "make", asset.make(), "model", asset.model()));
        json.put("disposition", map("method", r.method().name(), "details", r.methodDetails(),
                "particleSize", r.particleSize(), "completedAt", instant(r.disposedAt()), "place", r.place(),
                "notes", r.notes()));
        json.put("mediaCertificates", mediaCertificates.stream().map(c -> map("number", c.number(),
                "mediumSerial", c.mediumSerial(), "sha256", c.sha256())).toList());
        json.put("custody", custody(evidence));

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Client and vendor", List.of(
                new Field("Client", r.client()),
                new Field("ITAD vendor", r.vendor()),
                new Field("Vendor certifications", r.vendorCertifications() == null
                        || r.vendorCertifications().isEmpty() ? null
                        : String.join("; ", r.vendorCertifications().stream().map(c -> c.scheme() + " "
                                + c.certificateId() + " (valid until " + c.validUntil() + ")").toList())))));
        sections.add(new Section("Asset", List.of(
                new Field("Property number", asset.tag()),
                new Field("Serial number", asset.serialNumber()),
                new Field("Type", label(asset.type().name())),
                new Field("Make / model", join(asset.make(), asset.model())))));
        sections.add(new Section("Final disposition", List.of(
                new Field("Method", label(r.method().name())),
                new Field("Details", r.methodDetails()),
                new Field("Particle size", r.particleSize()),
                new Field("Date", PRINTED.format(r.disposedAt())),
                new Field("Place", r.place()),
                new Field("Notes", r.notes()))));
        List<Field> media = new ArrayList<>();
        for (CertificateView c : mediaCertificates) {
            media.add(new Field("Medium " + c.mediumSerial(), c.number() + " (SHA-256 " + c.sha256() + ")"));
        }
        if (media.isEmpty()) {
            media.add(new Field("Media", "The asset has no data-bearing media."));
        }
        sections.add(new Section("Certificates of sanitization of its media", media));
        return document(header, "Final disposition of an IT asset", json, sections, evidence);
    }

    /** Canonical-enough JSON bytes: keys sorted at every level, no whitespace. */
    static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certificate JSON", e);
        }
    }

    private static CertificateDocument document(Header header, String subtitle, Map<String, Object> json,
            List<Section> sections, CustodyEvidence.Evidence evidence) {
        List<Section> all = new ArrayList<>();
        if (header.supersedes() != null) {
            all.add(new Section("Correction", List.of(new Field("Supersedes certificate", header.supersedes()))));
        }
        all.addAll(sections);
        return new CertificateDocument(header.number(), header.type().title(), subtitle, header.issuedAt(),
                header.issuer(), all, header.verificationUrl(), json(json),
                new Evidence(evidence.seq(), evidence.leafHash(), evidence.assetChainHead(), evidence.checkpoint(),
                        evidence.tlogProof()));
    }

    private static Map<String, Object> base(Header header, String schema, String standard) {
        Map<String, Object> json = new TreeMap<>();
        json.put("schema", schema);
        json.put("number", header.number());
        json.put("type", header.type().name());
        json.put("issuedAt", instant(header.issuedAt()));
        json.put("issuer", header.issuer());
        json.put("standard", standard);
        json.put("verificationUrl", header.verificationUrl());
        if (header.supersedes() != null) {
            json.put("supersedes", header.supersedes());
        }
        return json;
    }

    private static Map<String, Object> custody(CustodyEvidence.Evidence e) {
        return map("eventId", e.eventId().toString(), "seq", e.seq(), "leafHash", e.leafHash(),
                "assetChainHead", e.assetChainHead(), "treeSize", e.treeSize(), "checkpoint", e.checkpoint(),
                "tlogProof", e.tlogProof());
    }

    private static Map<String, Object> person(Person p) {
        return map("name", p.name(), "title", p.title(), "organisation", p.organisation(), "location",
                p.location(), "phone", p.phone());
    }

    private static List<Field> personFields(Person p) {
        return List.of(new Field("Name", p.name()), new Field("Title", p.title()),
                new Field("Organisation", p.organisation()), new Field("Location", p.location()),
                new Field("Phone", p.phone()));
    }

    /** A sorted map of the non-null pairs. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** How a media type reads on a certificate. */
    static String mediaLabel(MediaType type) {
        return switch (type) {
            case HDD_ATA -> "Magnetic hard disk (ATA/SATA)";
            case HDD_SCSI -> "Magnetic hard disk (SCSI/SAS)";
            case SSD_SATA -> "Solid-state drive (SATA)";
            case SSD_SCSI -> "Solid-state drive (SCSI/SAS)";
            case NVME -> "NVMe solid-state drive";
            case USB_FLASH -> "USB flash drive";
            case MEMORY_CARD -> "Memory card";
            case MAGNETIC_TAPE -> "Magnetic tape";
            case OPTICAL -> "Optical disc";
            case MOBILE_INTERNAL_FLASH -> "Internal flash of a mobile device";
        };
    }

    /** {@code CRYPTO_ERASE} → "Crypto erase". */
    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return present.isEmpty() ? null : String.join(", ", present);
    }

    private static String capacity(Long bytes) {
        if (bytes == null) {
            return null;
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }
}
