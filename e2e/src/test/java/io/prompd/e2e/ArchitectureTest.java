package io.prompd.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of the modules' main code, checked on their compiled classes, so that a change that breaks one
 * fails the build rather than waiting for a reviewer to notice: packages with one responsibility each and no
 * cycles between them, output only from the command lines, and no command line inside core or a service.
 */
class ArchitectureTest {

    private static JavaClasses prompd;

    @BeforeAll
    static void importMainClasses() {
        prompd = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // core's test jar, which this module's tests use, is no folder of test classes that the option knows
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.prompd");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.prompd.(**)").should().beFreeOfCycles().check(prompd);
    }

    @Test
    void onlyCommandsWriteToTheTerminal() {
        noClasses().that().resideOutsideOfPackages("io.prompd.cli..", "io.prompd.*.cli..")
                .should(ACCESS_STANDARD_STREAMS)
                .because("commands render what services return; a service that printed could not be used by"
                        + " --json or tested")
                .check(prompd);
    }

    @Test
    void servicesKnowNothingOfTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("io.prompd.cli..", "io.prompd.*.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.prompd.cli..", "io.prompd.*.cli..")
                .check(prompd);
    }
}
