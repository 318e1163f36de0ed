package com.itadcustody.seed;

import com.itadcustody.seed.internal.Seeder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample-data generator: {@code java -jar itad-custody.jar seed [--assets=100000] [--retirements=3000]
 * [--waves=18] [--months=18] [--random-seed=7] [--backdate=true] [spring options]}. Starts the service against its
 * configured database (the {@code ITAD_DB_*} variables, or the embedded one), generates what is still missing, prints
 * its progress and exits 0 (1 on failure, 2 on bad usage). Running it again resumes where it stopped. See
 * docs/seed-data.md.
 */
public final class SeedCommand {

    /** The command's name as the first program argument. */
    public static final String NAME = "seed";

    /**
     * Short SLAs while seeding, so that the retirements the generator leaves waiting (and a few it keeps waiting on
     * purpose) are escalated by the engine's own timers; they apply to steps started during the run only.
     */
    static final List<String> SEEDING_PROPERTIES = List.of(
            "--itad.retirement.sla.approval=PT45S",
            "--itad.retirement.sla.pickup=PT45S",
            "--itad.demo.enabled=false",
            "--server.port=0");

    private SeedCommand() {
    }

    /** Runs the generator with the arguments that follow the command name; {@code application} is the service. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>(SEEDING_PROPERTIES);
        for (String arg : args) {
            if (arg.startsWith("--assets=") || arg.startsWith("--retirements=") || arg.startsWith("--waves=")
                    || arg.startsWith("--months=") || arg.startsWith("--random-seed=")
                    || arg.startsWith("--backdate=")) {
                own.add(arg);
            } else {
                spring.add(arg);
            }
        }
        SeedOptions options;
        try {
            options = SeedOptions.parse(own.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            out.println("seed: " + e.getMessage());
            out.println("usage: seed [--assets=100000] [--retirements=3000] [--waves=18] [--months=18]"
                    + " [--random-seed=7] [--backdate=true|false]");
            return 2;
        }
        out.println("seed: " + options + "; starting the service ...");
        try (ConfigurableApplicationContext context = SpringApplication.run(application,
                spring.toArray(String[]::new))) {
            context.getBean(Seeder.class).seed(options, out);
            return 0;
        } catch (RuntimeException e) {
            out.println("seed: FAILED: " + e);
            e.printStackTrace(out);
            return 1;
        }
    }
}
