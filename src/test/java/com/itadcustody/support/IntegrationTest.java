package com.itadcustody.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole service on a real PostgreSQL ({@link TestDatabase}) with a random port.
 * All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, TestDatabase.get());
        // this shared context's engine keeps the name "default", which Camunda's webapps look up
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "false");
    }

    /**
     * Points an application context at {@code db} (its two roles) with a test data directory and no demo data.
     * Its process engine gets a name of its own: engines register by name in a JVM-wide container, and a test
     * context closed by the context cache would otherwise unregister the shared context's engine "default" with
     * its own, after which Cockpit answers 404.
     */
    public static void useDatabase(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        registry.add("itad.db.url", db::url);
        registry.add("itad.db.user", db::appUser);
        registry.add("itad.db.password", db::appPassword);
        registry.add("itad.db.migration-user", db::ownerUser);
        registry.add("itad.db.migration-password", db::ownerPassword);
        registry.add("itad.data-dir", () -> System.getProperty("java.io.tmpdir") + "/itad-test-data");
        registry.add("itad.demo.enabled", () -> "false");
    }
}
