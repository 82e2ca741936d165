package dev.tend.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What {@code tend ctl} and the config layer use from the platform must not load JNA: only the
 * classes that spawn, signal or ask the OS natively may touch the bindings.
 */
class NativeCodeStaysLazyTest {
  @Test
  void vocabularyAndPureJavaHelpersDoNotTouchNativeCode() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tend.platform");
    noClasses()
        .that()
        .haveNameMatching(
            "dev\\.tend\\.platform\\.(Signal|SignalWatcher|JvmSignals|ExitStatus|ExitListener|SpawnRequest"
                + "|SpawnException|UserAccount|UserDatabase|CommandResolver|Errno|PythonRepr"
                + "|ProcStat|ProcTable|OutputSink|ChildProcess|ProcessLauncher"
                + "|UnknownChildListener)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("LibC")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("com.sun.jna..")
        .check(classes);
  }
}
