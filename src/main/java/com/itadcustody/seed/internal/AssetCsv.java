package com.itadcustody.seed.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The generated estate as CSV in the import format (docs/csv-format.md): asset {@code i} is always the same for
 * the same random seed, so a resumed run generates exactly the assets still missing.
 */
final class AssetCsv {

    static final String HEADER = "asset_tag,serial_number,type,make,model,purchase_date,purchase_cost,currency,"
            + "warranty_end,location,custodian,department,media_type,media_serial,media_make,media_model,"
            + "media_capacity_bytes,media_self_encrypting,media_encrypted_from_first_use\n";

    static final String[] SITES = {"Berlin HQ", "Berlin DC-1", "Munich Office", "Hamburg Office", "Frankfurt DC-2",
        "Vienna Office", "Zurich Office", "Remote"};
    static final String[] DEPARTMENTS = {"IT", "Finance", "Sales", "Engineering", "HR", "Legal", "Marketing",
        "Operations", "Support", "Research"};

    /** An asset type with its share of the estate, makes and models. */
    private record Kind(String type, int weight, String[][] models) {
    }

    private static final Kind[] KINDS = {
        new Kind("LAPTOP", 45, new String[][] {{"Lenovo", "ThinkPad T14"}, {"Lenovo", "ThinkPad X1 Carbon"},
            {"Dell", "Latitude 7440"}, {"HP", "EliteBook 840"}, {"Apple", "MacBook Pro 14"}}),
        new Kind("DESKTOP", 20, new String[][] {{"Dell", "OptiPlex 7010"}, {"HP", "EliteDesk 800"},
            {"Lenovo", "ThinkCentre M90"}}),
        new Kind("PHONE", 12, new String[][] {{"Apple", "iPhone 14"}, {"Samsung", "Galaxy S23"},
            {"Google", "Pixel 8"}}),
        new Kind("TABLET", 6, new String[][] {{"Apple", "iPad Air"}, {"Samsung", "Galaxy Tab S9"}}),
        new Kind("SERVER", 6, new String[][] {{"Dell", "PowerEdge R750"}, {"HPE", "ProLiant DL380"},
            {"Lenovo", "ThinkSystem SR650"}}),
        new Kind("NETWORK", 4, new String[][] {{"Cisco", "Catalyst 9300"}, {"Juniper", "EX4400"},
            {"Fortinet", "FortiGate 200F"}}),
        new Kind("PRINTER", 3, new String[][] {{"HP", "LaserJet M507"}, {"Canon", "imageRUNNER C3226"}}),
        new Kind("STORAGE_ARRAY", 1, new String[][] {{"NetApp", "AFF A400"}, {"Dell", "PowerVault ME5024"}}),
        new Kind("OTHER", 3, new String[][] {{"Logitech", "Rally Bar"}, {"Axis", "P3265 camera"}}),
    };
    private static final int TOTAL_WEIGHT = 100;

    private AssetCsv() {
    }

    /** The tag of asset {@code i}. */
    static String tag(int i) {
        return "SEED-%06d".formatted(i);
    }

    /** The serial number of asset {@code i}. */
    static String serial(int i) {
        return "SN%07d".formatted(i);
    }

    /** The CSV of assets {@code from} (inclusive) to {@code to} (exclusive). */
    static byte[] rows(int from, int to, long seed, LocalDate today) {
        StringBuilder csv = new StringBuilder(HEADER.length() + (to - from) * 400).append(HEADER);
        for (int i = from; i < to; i++) {
            append(csv, i, new SplittableRandom(seed * 1_000_003L + i), today);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The type of asset {@code i} (the same pseudo-random draw as {@link #rows}). */
    static String type(int i, long seed) {
        return kind(new SplittableRandom(seed * 1_000_003L + i)).type();
    }

    private static Kind kind(SplittableRandom r) {
        int pick = r.nextInt(TOTAL_WEIGHT);
        for (Kind k : KINDS) {
            pick -= k.weight();
            if (pick < 0) {
                return k;
            }
        }
        return KINDS[0];
    }

    private static void append(StringBuilder csv, int i, SplittableRandom r, LocalDate today) {
        Kind kind = kind(r);
        String[] model = kind.models()[r.nextInt(kind.models().length)];
        LocalDate purchased = today.minusDays(400 + r.nextInt(6 * 365));
        String cost = switch (kind.type()) {
            case "SERVER" -> String.valueOf(6_000 + r.nextInt(14_000));
            case "STORAGE_ARRAY" -> String.valueOf(25_000 + r.nextInt(60_000));
            case "NETWORK" -> String.valueOf(1_500 + r.nextInt(8_000));
            case "PHONE", "TABLET" -> String.valueOf(400 + r.nextInt(900));
            default -> String.valueOf(700 + r.nextInt(1_800));
        } + "." + (10 + r.nextInt(90));
        String asset = String.join(",", tag(i), serial(i), kind.type(), model[0], model[1], purchased.toString(),
                cost, "EUR", purchased.plusYears(3).toString(), SITES[r.nextInt(SITES.length)],
                "emp-%05d".formatted(r.nextInt(40_000)), DEPARTMENTS[r.nextInt(DEPARTMENTS.length)]);
        String[][] media = media(kind.type(), r);
        if (media.length == 0) {
            csv.append(asset).append(",,,,,,,\n");
            return;
        }
        for (int m = 0; m < media.length; m++) {
            csv.append(asset).append(',').append(media[m][0]).append(",M%07d-%02d".formatted(i, m)).append(',')
                    .append(media[m][1]).append(',').append(media[m][2]).append(',').append(media[m][3]).append(',')
                    .append(media[m][4]).append(',').append(media[m][5]).append('\n');
        }
    }

    /** Media of one asset: type, make, model, capacity in bytes, self-encrypting, encrypted from first use. */
    private static String[][] media(String type, SplittableRandom r) {
        long gb = 1_000_000_000L;
        return switch (type) {
            case "LAPTOP" -> r.nextInt(10) == 0
                    ? new String[][] {nvme(r, 512 * gb), medium("SSD_SATA", "Samsung", "870 EVO", 1000 * gb, r)}
                    : new String[][] {nvme(r, (r.nextBoolean() ? 512 : 1024) * gb)};
            case "DESKTOP" -> r.nextInt(10) < 4
                    ? new String[][] {medium("SSD_SATA", "Crucial", "MX500", 500 * gb, r),
                        medium("HDD_ATA", "WD", "Blue", 2000 * gb, r)}
                    : new String[][] {nvme(r, 512 * gb)};
            case "SERVER" -> {
                int n = 2 + r.nextInt(5);
                String[][] disks = new String[n][];
                for (int d = 0; d < n; d++) {
                    disks[d] = d < 2 ? medium("SSD_SCSI", "Samsung", "PM1643a", 960 * gb, r)
                            : medium("HDD_SCSI", "Seagate", "Exos X18", 18_000 * gb, r);
                }
                yield disks;
            }
            case "STORAGE_ARRAY" -> {
                int n = 12 + r.nextInt(13);
                String[][] disks = new String[n][];
                for (int d = 0; d < n; d++) {
                    disks[d] = medium("HDD_SCSI", "Seagate", "Exos X20", 20_000 * gb, r);
                }
                yield disks;
            }
            case "PHONE", "TABLET" -> new String[][] {new String[] {"MOBILE_INTERNAL_FLASH", "", "",
                String.valueOf((r.nextBoolean() ? 128 : 256) * gb), "true", "true"}};
            case "NETWORK" -> r.nextBoolean() ? new String[][] {medium("USB_FLASH", "SanDisk", "Cruzer", 8 * gb, r)}
                    : new String[0][];
            case "PRINTER" -> r.nextBoolean() ? new String[][] {medium("HDD_ATA", "Toshiba", "MQ01", 320 * gb, r)}
                    : new String[0][];
            default -> r.nextInt(4) == 0 ? new String[][] {medium("MEMORY_CARD", "SanDisk", "Extreme", 64 * gb, r)}
                    : new String[0][];
        };
    }

    private static String[] nvme(SplittableRandom r, long bytes) {
        String[] m = medium("NVME", r.nextBoolean() ? "Samsung" : "SK hynix", r.nextBoolean() ? "PM9A1" : "PC801",
                bytes, r);
        return m;
    }

    private static String[] medium(String type, String make, String model, long bytes, SplittableRandom r) {
        boolean sed = (type.equals("NVME") || type.startsWith("SSD")) && r.nextInt(10) < 6;
        return new String[] {type, make, model, String.valueOf(bytes), String.valueOf(sed),
            String.valueOf(sed && r.nextInt(10) < 7)};
    }
}
