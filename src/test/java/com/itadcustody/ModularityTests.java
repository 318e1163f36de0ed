package com.itadcustody;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each direct sub-package of {@code com.itadcustody} is a module; only its root package is visible to others. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ItadCustodyApplication.class);

    @Test
    void modulesOnlyUseEachOthersApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // PlantUML diagrams and module canvases in target/spring-modulith-docs
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
