package com.itadcustody;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Entry point of the ITAD Custody service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared", systemName = "ITAD Custody")
public class ItadCustodyApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(ItadCustodyApplication.class, args);
    }
}
