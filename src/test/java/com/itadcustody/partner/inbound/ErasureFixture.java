package com.itadcustody.partner.inbound;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Media waiting at their vendor's sanitization step, made through the module APIs, and erasure reports about them
 * in every layout.
 */
final class ErasureFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<DeprovisioningAttestation> ALL_SYSTEMS = Arrays.stream(DeprovisioningAttestation.System.values())
            .map(s -> new DeprovisioningAttestation(s, DeprovisioningAttestation.Outcome.DONE, "Ticket IT-" + s))
            .toList();

    private final Retirements retirements;
    private final AssetRegistry assets;
    private final Actor staff = actor(Role.IT_STAFF);
    private final Actor manager = actor(Role.ASSET_MANAGER);

    ErasureFixture(Retirements retirements, AssetRegistry assets) {
        this.retirements = retirements;
        this.assets = assets;
    }

    static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase(), Set.of(role), null);
    }

    /** One medium of a retirement, waiting for the vendor, with its planned method. */
    record Waiting(UUID retirementId, UUID assetId, String assetSerial, UUID mediumId, String serial,
            String methodType, String technique) {
    }

    /** Assets with one NVMe drive each, retired with their media sanitized on site by the vendor; waits for it. */
    List<Waiting> waitingMedia(UUID vendorId, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Asset asset = assets.register(laptop(), staff);
            ids.add(retirements.request(asset.id(), "Erasure report test", DataConfidentiality.LOW,
                    AssetDestination.LEAVES_ORGANISATION, vendorId, staff).id());
        }
        List<Waiting> waiting = new ArrayList<>();
        for (UUID id : ids) {
            awaitStep(id, "Task_ApproveRetirement");
            retirements.decide(id, true, null, manager);
            awaitStep(id, "Task_AttestDeprovisioning");
            retirements.attestDeprovisioning(id, ALL_SYSTEMS, staff);
        }
        for (UUID id : ids) {
            awaitStep(id, "Task_SanitizeMedium");
            UUID assetId = retirements.get(id).assetId();
            String assetSerial = assets.get(assetId).serialNumber();
            for (SanitizationPlanItem item : retirements.sanitizationPlan(id)) {
                waiting.add(new Waiting(id, assetId, assetSerial, item.mediumId(), item.mediumSerial(),
                        item.methodType(), item.technique()));
            }
        }
        return waiting;
    }

    void awaitStep(UUID retirementId, String step) {
        await().atMost(Duration.ofSeconds(60)).until(() -> step.equals(retirements.get(retirementId).openTask()));
    }

    static AssetInput laptop() {
        String id = AssetFixtures.unique();
        return new AssetInput("ER-" + id, "SN-" + id, AssetType.LAPTOP, "Lenovo", "ThinkPad T14", null, null, null,
                null, "Berlin HQ", null, "Finance", List.of(new MediumInput(MediaType.NVME, "Samsung", "PM9A1",
                "ER-MS-" + id, 512_000_000_000L, true, false)));
    }

    // ---- reports ----

    static final String HEADER = "mediumSerial,assetSerial,methodType,technique,tool,toolVersion,operator,result,"
            + "startedAt,finishedAt,verificationMethod,notes\n";
    static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(2).withNano(0);

    /** A generic CSV report: each medium with its planned method, passed. */
    static String csv(List<Waiting> media) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Waiting m : media) {
            csv.append(csvLine(m.serial(), m.assetSerial(), m.methodType(), m.technique(), "passed"));
        }
        return csv.toString();
    }

    static String csvLine(String serial, String assetSerial, String methodType, String technique, String result) {
        return serial + "," + (assetSerial == null ? "" : assetSerial) + "," + methodType + "," + technique
                + ",DiskWipe Enterprise,7.4.2,Jo Technician," + result + "," + START + "," + START.plusMinutes(42)
                + ",FULL,\"Bay 3, rack B\"\n";
    }

    /** The same as a generic JSON report. */
    static String json(List<Waiting> media) {
        var records = JSON.createArrayNode();
        for (Waiting m : media) {
            records.addObject().put("mediumSerial", m.serial()).put("assetSerial", m.assetSerial())
                    .put("methodType", m.methodType()).put("technique", m.technique())
                    .put("tool", "DiskWipe Enterprise").put("toolVersion", "7.4.2").put("operator", "Jo Technician")
                    .put("result", "passed").put("startedAt", START.toString())
                    .put("finishedAt", START.plusMinutes(42).toString()).put("verificationMethod", "FULL");
        }
        var root = JSON.createObjectNode();
        root.set("records", records);
        return root.toString();
    }

    /** The same as a generic XML report. */
    static String xml(List<Waiting> media) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<erasure-records>\n");
        for (Waiting m : media) {
            xml.append("  <record><mediumSerial>").append(m.serial()).append("</mediumSerial><methodType>")
                    .append(m.methodType()).append("</methodType><technique>").append(m.technique())
                    .append("</technique><tool>DiskWipe Enterprise</tool><toolVersion>7.4.2</toolVersion>")
                    .append("<operator>Jo Technician</operator><result>passed</result><startedAt>").append(START)
                    .append("</startedAt><finishedAt>").append(START.plusMinutes(42)).append("</finishedAt>")
                    .append("<verificationMethod>FULL</verificationMethod><notes>Bay 3 &amp; rack B</notes></record>\n");
        }
        return xml.append("</erasure-records>\n").toString();
    }

    /** The media of one computer as the erasure tool's XML report. */
    static String toolXml(String computerSerial, List<Waiting> media) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <erasure-report version="1.0">
                  <software><name>DiskWipe Enterprise</name><version>7.4.2</version></software>
                  <operator>Jo Technician</operator>
                  <computer><serial>%s</serial><manufacturer>Lenovo</manufacturer></computer>
                  <disks>
                """.formatted(computerSerial));
        for (Waiting m : media) {
            xml.append("""
                        <disk>
                          <serial>%s</serial><model>Samsung PM9A1</model><capacity-bytes>512000000000</capacity-bytes>
                          <erasure>
                            <standard>NIST SP 800-88 Rev. 1 %s</standard>
                            <method>%s</method>
                            <verification>Full verification</verification>
                            <result>Success</result>
                            <start-time>%s</start-time>
                            <end-time>%s</end-time>
                          </erasure>
                        </disk>
                    """.formatted(m.serial(), titleCase(m.methodType()), toolMethod(m.technique()), START,
                    START.plusMinutes(42)));
        }
        return xml.append("  </disks>\n</erasure-report>\n").toString();
    }

    private static String titleCase(String methodType) {
        return methodType.charAt(0) + methodType.substring(1).toLowerCase();
    }

    private static String toolMethod(String technique) {
        return switch (technique) {
            case "CRYPTO_ERASE" -> "NVMe Format, crypto erase";
            case "BLOCK_ERASE" -> "NVMe Sanitize, block erase";
            case "OVERWRITE" -> "Overwrite, 1 pass of zeros";
            default -> technique.toLowerCase().replace('_', ' ');
        };
    }

    static String unknownSerial() {
        return "UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A multipart/form-data body with one file field and its boundary. */
    record Multipart(String contentType, byte[] body) {
    }

    static Multipart multipart(String fileName, byte[] content) {
        String boundary = "----itad" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return new Multipart("multipart/form-data; boundary=" + boundary, body);
    }

    /** The custody events of an asset, as JSON envelopes, once the sequencer has drained the inbox. */
    static List<JsonNode> events(CustodySequencer sequencer, LogStore log, UUID assetId) {
        sequencer.drainNow();
        return log.entriesOfAsset(assetId).stream().map(LogEntry::envelope).map(bytes -> {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
