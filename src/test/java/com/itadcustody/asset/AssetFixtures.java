package com.itadcustody.asset;

import com.itadcustody.asset.internal.AssetCsvColumns;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test data for the asset registry: unique tags and serials on every call, so tests never collide. */
public final class AssetFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private AssetFixtures() {
    }

    /** A unique suffix for tags and serials. */
    public static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A laptop with one NVMe drive. */
    public static AssetInput anyLaptop() {
        String id = unique();
        return new AssetInput("LT-" + id, "SN-" + id, AssetType.LAPTOP, "Lenovo", "ThinkPad T14", LocalDate.of(2022, 3,
                1), new BigDecimal("1299.00"), "EUR", LocalDate.of(2025, 3, 1), "Berlin HQ", "j.doe", "Finance",
                List.of(anyMedium(MediaType.NVME)));
    }

    /** A server with two SATA SSDs. */
    public static AssetInput anyServerWithTwoDisks() {
        String id = unique();
        return new AssetInput("SRV-" + id, "SN-" + id, AssetType.SERVER, "Dell", "PowerEdge R650", null, null, null,
                null, "DC-1", null, "Infrastructure", List.of(anyMedium(MediaType.SSD_SATA),
                anyMedium(MediaType.SSD_SATA)));
    }

    /** A medium of the given type with a unique serial. */
    public static MediumInput anyMedium(MediaType type) {
        return new MediumInput(type, "Samsung", "PM9A1", "MS-" + unique(), 512_000_000_000L, true, false);
    }

    /** An actor with the given role and a random id. */
    public static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase(), Set.of(role), null);
    }

    /** The header line of the CSV format. */
    public static String csvHeader() {
        return String.join(",", AssetCsvColumns.ALL) + "\n";
    }

    /** A CSV line for one medium of an asset. */
    public static String csvRow(String tag, String serial, String type, String mediaType, String mediaSerial) {
        return tag + "," + serial + "," + type + ",Dell,Latitude 5440,2023-01-15,899.50,EUR,2026-01-15,\"Berlin, HQ\","
                + "j.doe,IT," + mediaType + "," + mediaSerial + ",Samsung,PM9A1,256000000000,true,false\n";
    }

    /** A valid CSV of {@code assets} assets with {@code mediaPerAsset} media each, all serials unique. */
    public static String csv(int assets, int mediaPerAsset) {
        StringBuilder csv = new StringBuilder(csvHeader());
        String run = unique();
        for (int a = 0; a < assets; a++) {
            String tag = "CSV-" + run + "-" + a;
            for (int m = 0; m < mediaPerAsset; m++) {
                csv.append(csvRow(tag, "S-" + tag, "laptop", "NVME", "M-" + tag + "-" + m));
            }
        }
        return csv.toString();
    }

    /** UTF-8 bytes of a text. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
