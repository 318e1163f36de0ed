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
        // only this shared context runs Camunda's webapps, with its engine named "default" as they expect
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "false");
        registry.add("camunda.bpm.webapp.enabled", () -> "true");
    }

    /**
     * Points an application context at {@code db} (its two roles) with a test data directory and no demo data.
     * Other contexts than the shared one run without Camunda's webapps and with an engine name of their own:
     * the webapps keep their runtime and the engines in JVM-wide registries, and closing such a context (the
     * context cache closes the least recently used) would otherwise clear the shared context's webapp runtime
     * (Cockpit answers 500) or unregister its engine "default" (404).
     */
    public static void useDatabase(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        registry.add("camunda.bpm.webapp.enabled", () -> "false");
        registry.add("itad.db.url", db::url);
        registry.add("itad.db.user", db::appUser);
        registry.add("itad.db.password", db::appPassword);
        registry.add("itad.db.migration-user", db::ownerUser);
        registry.add("itad.db.migration-password", db::ownerPassword);
        registry.add("itad.data-dir", () -> System.getProperty("java.io.tmpdir") + "/itad-test-data");
        registry.add("itad.demo.enabled", () -> "false");
    }
}
