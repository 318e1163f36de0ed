package com.itadcustody;

import com.itadcustody.custody.VerifyLogCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Entry point of the ITAD Custody service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared", systemName = "ITAD Custody")
public class ItadCustodyApplication {

    /** Starts the service, or runs the offline log verifier when the first argument is {@code verify-log}. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyLogCommand.NAME)) {
            System.exit(VerifyLogCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(ItadCustodyApplication.class, args);
    }
}
