package com.itadcustody.compliance.internal.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.compliance.EvidencePackView;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.custody.CustodyEvidence.ProvenEntry;
import com.itadcustody.custody.CustodyEvidence.SignedCheckpoint;
import com.itadcustody.partner.ErasureReportFiles;
import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.EvidenceFiles;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.PageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * Writes an evidence pack's zip (layout in {@code docs/evidence-pack.md}): per asset its custody envelopes exactly as
 * stored with their {@code tlog-proof@v1} proofs, its certificates, the erasure reports and evidence files its
 * custody events name; then the covering checkpoints with their RFC 3161 tokens, the trust anchors, an
 * informational {@code pack.json}, the README with the verification commands and {@code SHA256SUMS}.
 */
@Component
public class EvidencePackBuilder {

    /** How long to wait for an asset's newest events to be sequenced and checkpointed. */
    static final Duration CUSTODY_TIMEOUT = Duration.ofSeconds(30);
    private static final int CERTIFICATE_PAGE = 100;

    private final AssetCatalog assets;
    private final CustodyEvidence custody;
    private final Certificates certificates;
    private final ErasureReportFiles erasureReports;
    private final EvidenceFiles evidenceFiles;
    private final ObjectMapper json;

    EvidencePackBuilder(AssetCatalog assets, CustodyEvidence custody, Certificates certificates,
            ErasureReportFiles erasureReports, EvidenceFiles evidenceFiles, ObjectMapper json) {
        this.assets = assets;
        this.custody = custody;
        this.certificates = certificates;
        this.erasureReports = erasureReports;
        this.evidenceFiles = evidenceFiles;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Writes the pack of these assets to {@code target}, calling {@code progress} with the number of assets done
     * after each one; returns the zip's SHA-256 (hex).
     */
    public String build(EvidencePackView pack, List<UUID> assetIds, Actor actor, Path target, IntConsumer progress)
            throws IOException {
        MessageDigest zipDigest = sha256();
        try (OutputStream file = Files.newOutputStream(target);
                DigestOutputStream digesting = new DigestOutputStream(file, zipDigest);
                ZipOutputStream zip = new ZipOutputStream(digesting, StandardCharsets.UTF_8)) {
            Writer writer = new Writer(zip);
            ObjectNode manifest = json.createObjectNode();
            manifest.put("format", "itad-evidence-pack/1");
            manifest.put("id", pack.id().toString());
            manifest.put("scope", pack.scope().name());
            manifest.put("label", pack.label());
            manifest.put("origin", custody.origin());
            manifest.put("builtAt", Instant.now().toString());
            ArrayNode assetsNode = manifest.putArray("assets");
            Set<Long> checkpointSizes = new TreeSet<>();
            Totals totals = new Totals();
            int done = 0;
            for (UUID assetId : assetIds) {
                assetsNode.add(writeAsset(assetId, actor, writer, checkpointSizes, totals));
                progress.accept(++done);
            }
            ArrayNode checkpoints = manifest.putArray("checkpoints");
            boolean timestamped = false;
            for (long size : checkpointSizes) {
                SignedCheckpoint checkpoint = custody.checkpoint(size)
                        .orElseThrow(() -> new IllegalStateException("checkpoint " + size + " is missing"));
                writer.add("checkpoints/" + size + ".note", checkpoint.note().getBytes(StandardCharsets.UTF_8));
                ObjectNode node = checkpoints.addObject();
                node.put("treeSize", size);
                node.put("note", "checkpoints/" + size + ".note");
                if (checkpoint.timestampToken() != null) {
                    writer.add("checkpoints/" + size + ".tst", checkpoint.timestampToken());
                    node.put("timestampToken", "checkpoints/" + size + ".tst");
                    timestamped = true;
                }
            }
            writer.add("keys/custody-log-keys.txt", lines(custody.verifierKeys()));
            writer.add("keys/document-signing-ca.pem", certificates.trustAnchorsPem()
                    .getBytes(StandardCharsets.US_ASCII));
            writer.add("pack.json", json.writeValueAsBytes(manifest));
            writer.add("README.md", PackReadme.render(pack, custody.origin(), assetsNode, checkpointSizes.size(),
                    timestamped, totals.entries, totals.certificates, totals.reports, totals.files)
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder sums = new StringBuilder();
            writer.sums.forEach((path, sha) -> sums.append(sha).append("  ").append(path).append('\n'));
            writer.add("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(zipDigest.digest());
    }

    private ObjectNode writeAsset(UUID assetId, Actor actor, Writer writer, Set<Long> checkpointSizes,
            Totals totals) throws IOException {
        AssetSummary asset = assets.describe(assetId);
        String dir = "assets/" + assetId + "/";
        ObjectNode node = json.createObjectNode();
        node.put("id", assetId.toString());
        node.put("tag", asset.tag());
        node.put("serialNumber", asset.serialNumber());
        node.put("status", String.valueOf(asset.status()));
        node.put("directory", dir);

        List<ProvenEntry> entries = custody.entriesOfAsset(assetId, CUSTODY_TIMEOUT);
        Set<String> named = new LinkedHashSet<>();
        Set<UUID> retirements = new LinkedHashSet<>();
        for (ProvenEntry entry : entries) {
            String name = dir + "custody/" + String.format("%012d", entry.seq());
            writer.add(name + ".json", entry.envelope());
            writer.add(name + ".tlog-proof", entry.tlogProof().getBytes(StandardCharsets.UTF_8));
            checkpointSizes.add(entry.treeSize());
            JsonNode envelope = json.readTree(entry.envelope());
            envelope.path("evidence").forEach(e -> {
                if (e.hasNonNull("sha256")) {
                    named.add(e.get("sha256").asText());
                }
            });
            String retirementId = envelope.path("data").path("retirementId").asText("");
            if (!retirementId.isEmpty()) {
                try {
                    retirements.add(UUID.fromString(retirementId));
                } catch (IllegalArgumentException ignored) {
                    // not a retirement of this service: nothing to fetch
                }
            }
        }
        node.put("custodyEntries", entries.size());
        totals.entries += entries.size();

        ArrayNode certs = node.putArray("certificates");
        Set<String> written = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            PageResult<CertificateView> result = certificates.list(assetId, null, null, page, CERTIFICATE_PAGE);
            for (CertificateView c : result.content()) {
                String path = dir + "certificates/" + clean(c.number()) + ".pdf";
                writer.add(path, certificates.pdf(c.number()));
                written.add(c.sha256());
                ObjectNode cert = certs.addObject();
                cert.put("number", c.number());
                cert.put("type", c.type().name());
                cert.put("status", c.status().name());
                cert.put("sha256", c.sha256());
                cert.put("file", path);
                totals.certificates++;
            }
            if (page + 1 >= result.totalPages()) {
                break;
            }
        }

        ArrayNode reports = node.putArray("erasureReports");
        List<String> candidates = named.stream().filter(sha -> !written.contains(sha)).toList();
        for (ErasureReportFiles.ReportFile report : erasureReports.withSha256(candidates)) {
            if (!written.add(report.sha256())) {
                continue;
            }
            String path = dir + "erasure-reports/" + report.sha256().substring(0, 12) + "-" + clean(report.fileName());
            writer.add(path, report.content());
            ObjectNode r = reports.addObject();
            r.put("id", report.id().toString());
            r.put("format", report.format());
            r.put("sha256", report.sha256());
            r.put("file", path);
            totals.reports++;
        }

        ArrayNode files = node.putArray("evidenceFiles");
        for (UUID retirementId : retirements) {
            for (EvidenceFile file : evidenceFiles.list(retirementId, actor)) {
                if (!written.add(file.sha256())) {
                    continue;
                }
                String path = dir + "evidence/" + file.id().toString().substring(0, 8) + "-" + clean(file.fileName());
                writer.add(path, evidenceFiles.content(retirementId, file.id(), actor).content());
                ObjectNode f = files.addObject();
                f.put("id", file.id().toString());
                f.put("kind", file.kind().name());
                f.put("mediaType", file.mediaType());
                f.put("sha256", file.sha256());
                f.put("namedByCustodyEvent", named.contains(file.sha256()));
                f.put("file", path);
                totals.files++;
            }
        }
        return node;
    }

    /** A file name reduced to letters, digits, dot, dash and underscore, so shell loops over the pack stay safe. */
    static String clean(String name) {
        String clean = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
        if (clean.length() > 120) {
            clean = clean.substring(clean.length() - 120);
        }
        return clean.isEmpty() ? "file" : clean;
    }

    private static byte[] lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts for the README. */
    private static final class Totals {
        int entries;
        int certificates;
        int reports;
        int files;
    }

    /** Adds files to the zip once each, remembering their SHA-256 for {@code SHA256SUMS}. */
    private static final class Writer {

        final Map<String, String> sums = new TreeMap<>();
        private final ZipOutputStream zip;

        Writer(ZipOutputStream zip) {
            this.zip = zip;
        }

        void add(String path, byte[] content) {
            if (sums.containsKey(path)) {
                throw new IllegalStateException("the pack already has " + path);
            }
            try {
                zip.putNextEntry(new ZipEntry(path));
                zip.write(content);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!path.equals("SHA256SUMS")) {
                sums.put(path, HexFormat.of().formatHex(sha256().digest(content)));
            }
        }
    }
}
