package com.itadcustody.certificate.internal.pdf;

import com.itadcustody.certificate.internal.CertificateDocument;
import com.itadcustody.certificate.internal.CertificateDocument.Evidence;
import com.itadcustody.certificate.internal.CertificateDocument.Field;
import com.itadcustody.certificate.internal.CertificateDocument.Section;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Realistic certificates: a sanitized NVMe SSD (NIST SP 800-88 Appendix G) and a disposition listing many media. */
final class CertificateDocumentFixtures {

    static final String ORIGIN = "custody.northwind.example/log";
    static final String ISSUER = "Northwind Health Systems \u00b7 IT Asset Management";

    private CertificateDocumentFixtures() {
    }

    /** A Certificate of Sanitization of a 1 TB NVMe SSD, purged by NVMe Sanitize (crypto erase), with every section. */
    static CertificateDocument nvmeSsdSanitization() {
        String number = "COS-2026-000123";
        List<Section> sections = List.of(
                new Section("Person performing sanitization", List.of(
                        new Field("Name", "Dana Whitfield"),
                        new Field("Title", "IT Asset Technician II"),
                        new Field("Organization", "Northwind Health Systems, IT Asset Management"),
                        new Field("Location", "Building C, Room 114, 500 Harbor Blvd, Portland, OR 97204"),
                        new Field("Phone", "+1 503 555 0142"))),
                new Section("Media information", List.of(
                        new Field("Make / vendor", "Samsung"),
                        new Field("Model number", "MZVL21T0HCLR (PM9A1)"),
                        new Field("Serial number", "S64ANS0T512345"),
                        new Field("Media type", "Flash memory \u2014 NVMe SSD, M.2 2280"),
                        new Field("Capacity", "1 TB"),
                        new Field("Source", "Asset LT-2023-04417, Dell Latitude 7440, service tag 8QK2M53"),
                        new Field("Data classification", "Moderate (FIPS 199)"),
                        new Field("Data backed up", "Yes \u2014 retention confirmed 2026-11-20, ticket RET-88412"))),
                new Section("Sanitization details", List.of(
                        new Field("Method type", "Purge"),
                        new Field("Method used", "Crypto erase"),
                        new Field("Method details", "NVMe Sanitize, Crypto Erase action (SANACT 4); sanitize status"
                                + " reported \u201cmost recent sanitize completed successfully\u201d; the media"
                                + " encryption key was generated in the drive and never exported, so every copy of"
                                + " it is destroyed with the operation."),
                        new Field("Tool used", "nvme-cli 2.10.2 on ITAD boot image 2026.3"),
                        new Field("Verification method", "Full (secondary verification by a different tool)"),
                        new Field("Post-sanitization classification", "Unclassified"),
                        new Field("Started", "2026-11-28 13:41 UTC"),
                        new Field("Completed", "2026-11-28 13:44 UTC"),
                        new Field("Erasure report", "nvme-sanitize-S64ANS0T512345-20261128T1344Z.json, SHA-256"
                                + " 9f2c4e8a1b7d3f6e0a5c2b8d4e1f7a3c6b9d0e2f4a8c1b5d7e3f9a0c2b4d6e8f"),
                        new Field("Notes", null))),
                new Section("Media destination", List.of(
                        new Field("Destination", "External reuse \u2014 resale"),
                        new Field("Details", "Lot L-2026-0871 to Evergreen ITAD Services, Tigard, OR"
                                + " (R2v3 R2-2031-118, valid until 2027-06-30)"))),
                new Section("Validation", List.of(
                        new Field("Name", "Marcus Oyelaran"),
                        new Field("Title", "Information Security Analyst"),
                        new Field("Organization", "Northwind Health Systems, Information Security"),
                        new Field("Location", "Building A, 500 Harbor Blvd, Portland, OR 97204"),
                        new Field("Phone", "+1 503 555 0197"),
                        new Field("Validated", "2026-11-28 13:58 UTC"),
                        new Field("Remarks", ""))));
        return new CertificateDocument(number, "Certificate of Sanitization",
                "Media sanitization according to NIST SP 800-88 Rev. 1, Appendix G", Instant.parse(
                        "2026-11-28T14:03:27Z"), ISSUER, sections, verificationUrl(number),
                json(number, "S64ANS0T512345"), evidence(48213, 48310, 1));
    }

    /** A Certificate of Disposition of a server, listing the certificates of its {@code media} media. */
    static CertificateDocument dispositionListing(int media) {
        String number = "COD-2026-000042";
        List<Field> lines = new ArrayList<>();
        for (int i = 1; i <= media; i++) {
            lines.add(new Field(String.format("Bay %03d \u00b7 ST%04dNM0%03d", i, 4000 + i, i),
                    String.format("COS-2026-%06d \u00b7 Purge, cryptographic erase \u00b7 verified %s",
                            1000 + i, i % 7 == 0 ? "by sampling" : "in full")));
        }
        List<Section> sections = List.of(
                new Section("Asset", List.of(
                        new Field("Asset", "SRV-2019-0033, Dell PowerEdge R740xd, service tag 4HX9Q22"),
                        new Field("Client", "Northwind Health Systems"),
                        new Field("Vendor", "Evergreen ITAD Services, Tigard, OR"),
                        new Field("Vendor certifications", "R2v3 R2-2031-118 (valid until 2027-06-30);"
                                + " NAID AAA 40211 (valid until 2027-01-31)"))),
                new Section("Final disposition", List.of(
                        new Field("Method", "Recycling"),
                        new Field("Date", "2026-11-27"),
                        new Field("Place", "Evergreen ITAD Services, 12020 SW Garden Pl, Tigard, OR 97223"),
                        new Field("Downstream certificate", "ECY-2026-77812"))),
                new Section("Media certificates", lines));
        return new CertificateDocument(number, "Certificate of Disposition", "Asset disposition with chain of custody",
                Instant.parse("2026-11-28T16:20:00Z"), ISSUER, sections, verificationUrl(number),
                json(number, "4HX9Q22"), evidence(48400, 48511, 2));
    }

    static String verificationUrl(String number) {
        return "https://custody.northwind.example/verify/" + number;
    }

    private static byte[] json(String number, String serial) {
        return ("{\"evidence\":{\"seq\":48213},\"issuer\":\"Northwind Health Systems \u00b7 IT Asset Management\","
                + "\"number\":\"" + number + "\",\"serial\":\"" + serial + "\",\"subject\":\"\u00e9\u00df\u2014\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Evidence evidence(long seq, long treeSize, long seed) {
        Random random = new Random(seed);
        Base64.Encoder base64 = Base64.getEncoder();
        String root = base64.encodeToString(bytes(random, 32));
        String checkpoint = ORIGIN + "\n" + treeSize + "\n" + root + "\n\n\u2014 " + ORIGIN + " "
                + base64.encodeToString(bytes(random, 68)) + "\n";
        StringBuilder proof = new StringBuilder("c2sp.org/tlog-proof@v1\nindex ").append(seq).append('\n');
        for (int i = 0; i < 16; i++) {
            proof.append(base64.encodeToString(bytes(random, 32))).append('\n');
        }
        proof.append('\n').append(checkpoint);
        HexFormat hex = HexFormat.of();
        return new Evidence(seq, hex.formatHex(bytes(random, 32)), hex.formatHex(bytes(random, 32)), checkpoint,
                proof.toString());
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
