package com.itadcustody;

import com.itadcustody.custody.VerifyLogCommand;
import com.itadcustody.custody.VerifyProofCommand;
import com.itadcustody.seed.SeedCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Entry point of the ITAD Custody service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared", systemName = "ITAD Custody")
public class ItadCustodyApplication {

    /**
     * Starts the service, or runs an offline verifier ({@code verify-log}, {@code verify-proof}) or the sample-data
     * generator ({@code seed}) named by the first argument.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyLogCommand.NAME)) {
            System.exit(VerifyLogCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals(VerifyProofCommand.NAME)) {
            System.exit(VerifyProofCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals(SeedCommand.NAME)) {
            System.exit(SeedCommand.run(ItadCustodyApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(ItadCustodyApplication.class, args);
    }
}
