package com.itadcustody.seed;

/**
 * What the {@code seed} command generates.
 *
 * @param assets how many assets to register (tags {@code SEED-000000} onwards)
 * @param retirements how many of them go through the retirement workflow
 * @param waves in how many waves (one per month of history; the last one leaves retirements in every open stage)
 * @param months how many months of history the waves are spread over
 * @param randomSeed the seed of the pseudo-random choices, so that two runs generate the same data
 * @param backdate whether to move the generated domain timestamps into the past (see docs/seed-data.md)
 */
public record SeedOptions(int assets, int retirements, int waves, int months, long randomSeed, boolean backdate) {

    /** The defaults of the command: 100,000 assets, 3,000 retirements over 18 monthly waves. */
    public static SeedOptions defaults() {
        return new SeedOptions(100_000, 3_000, 18, 18, 7L, true);
    }

    public SeedOptions {
        if (assets < 1 || retirements < 0 || retirements > assets || waves < 1 || months < 1) {
            throw new IllegalArgumentException("need assets >= 1, 0 <= retirements <= assets, waves >= 1, months >= 1");
        }
    }

    /** Reads {@code --assets=N --retirements=N --waves=N --months=N --random-seed=N --backdate=true|false}. */
    public static SeedOptions parse(String[] args) {
        SeedOptions o = defaults();
        int assets = o.assets();
        int retirements = -1;
        int waves = o.waves();
        int months = o.months();
        long seed = o.randomSeed();
        boolean backdate = o.backdate();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            switch (kv[0]) {
                case "--assets" -> assets = Integer.parseInt(kv[1].replace("_", "").replace(",", ""));
                case "--retirements" -> retirements = Integer.parseInt(kv[1].replace("_", "").replace(",", ""));
                case "--waves" -> waves = Integer.parseInt(kv[1]);
                case "--months" -> months = Integer.parseInt(kv[1]);
                case "--random-seed" -> seed = Long.parseLong(kv[1]);
                case "--backdate" -> backdate = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        if (retirements < 0) {
            retirements = Math.min(assets, Math.max(assets * 3 / 100, Math.min(assets, 20)));
        }
        return new SeedOptions(assets, retirements, waves, months, seed, backdate);
    }
}
