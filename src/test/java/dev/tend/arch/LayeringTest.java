package dev.tend.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/ARCHITECTURE.md: layers point down, libraries stay in their layer.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tend");
  }

  /** The layer rules, applied to any set of classes (so a test can prove they bite). */
  static ArchRule layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("api")
        .definedBy("dev.tend.api..")
        .layer("platform")
        .definedBy("dev.tend.platform..")
        .layer("config")
        .definedBy("dev.tend.config..")
        .layer("logs")
        .definedBy("dev.tend.logs..")
        .layer("core")
        .definedBy("dev.tend.core..")
        .layer("xmlrpc")
        .definedBy("dev.tend.control.xmlrpc..")
        .layer("server")
        .definedBy("dev.tend.control.server..")
        .layer("client")
        .definedBy("dev.tend.control.client..")
        .layer("cli")
        .definedBy("dev.tend.cli")
        .layer("shell")
        .definedBy("dev.tend.cli.shell..")
        .layer("tuiModel")
        .definedBy("dev.tend.tui.model..", "dev.tend.tui.keymap..", "dev.tend.tui.theme..")
        .layer("tuiView")
        .definedBy("dev.tend.tui.view..")
        .layer("app")
        .definedBy("dev.tend.app..")
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("tuiView")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("shell")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("tuiModel")
        .mayOnlyBeAccessedByLayers("tuiView", "app")
        .whereLayer("cli")
        .mayOnlyBeAccessedByLayers("shell", "tuiModel", "tuiView", "app")
        // cli talks to a server through ServerLink only; app wires the XML-RPC client in
        .whereLayer("client")
        .mayOnlyBeAccessedByLayers("shell", "tuiView", "app")
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("xmlrpc")
        .mayOnlyBeAccessedByLayers("server", "client")
        .whereLayer("core")
        .mayOnlyBeAccessedByLayers("server", "app")
        .whereLayer("logs")
        .mayOnlyBeAccessedByLayers("core", "server", "app")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers(
            "logs", "core", "server", "client", "cli", "shell", "tuiModel", "tuiView", "app")
        .whereLayer("platform")
        .mayOnlyBeAccessedByLayers("config", "logs", "core", "server", "tuiView", "app");
  }

  static ArchRule lanternaOnlyInView() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("dev.tend.tui.view..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.googlecode.lanterna..")
        .because("lanterna is the console's view toolkit only");
  }

  @Test
  void layersPointDown() {
    layers().check(classes);
  }

  @Test
  void apiImportsNothingOfTend() {
    noClasses()
        .that()
        .resideInAPackage("dev.tend.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tend.platform..",
            "dev.tend.config..",
            "dev.tend.logs..",
            "dev.tend.core..",
            "dev.tend.control..",
            "dev.tend.cli..",
            "dev.tend.tui..",
            "dev.tend.app..")
        .check(classes);
  }

  @Test
  void lanternaStaysInTheView() {
    lanternaOnlyInView().check(classes);
  }

  @Test
  void jlineStaysInTheShellAndTheConsoleCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.tend.cli.shell..", "dev.tend.tui.view..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jline..")
        .check(classes);
  }

  @Test
  void jnaStaysInThePlatform() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tend.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.sun.jna..")
        .check(classes);
  }

  @Test
  void jettyStaysInTheServer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.tend.control.server..", "dev.tend.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jetty..")
        .check(classes);
  }

  /**
   * One reaper owns waitpid(-1) in the daemon: a ProcessBuilder child there would have its exit
   * stolen. The one exception is {@code SshProcess}, which starts the user's ssh for {@code tend
   * ctl} and the console: their JVMs reap nothing but their own children, by pid, as the JDK does,
   * and {@link #theDaemonNeverReachesTheSshTransport} keeps it out of the daemon (see
   * docs/ARCHITECTURE.md, decision 3).
   */
  static ArchRule processStarters() {
    return noClasses()
        .that()
        .doNotHaveFullyQualifiedName(SSH_PROCESS)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.ProcessBuilder")
        .orShould()
        .callMethod(Runtime.class, "exec", String.class)
        .orShould()
        .callMethod(Runtime.class, "exec", String[].class)
        .because("the daemon reaps every child with waitpid(-1); use dev.tend.platform to spawn");
  }

  static final String SSH_PROCESS = "dev.tend.control.client.ssh.SshProcess";

  /**
   * The daemon's code does not use the client at all, so cannot start ssh (the layers keep core,
   * server, logs and platform off it; this keeps the daemon's classes in app off it too). A
   * transitive rule cannot say it: Main reaches every face.
   */
  static ArchRule daemonKeepsOutOfTheSshTransport() {
    return noClasses()
        .that()
        .haveNameMatching("dev\\.tend\\.app\\.Daemon.*")
        .or()
        .resideInAnyPackage(
            "dev.tend.core..",
            "dev.tend.control.server..",
            "dev.tend.logs..",
            "dev.tend.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tend.control.client..")
        .because("the daemon sweeps waitpid(-1); SshProcess's ProcessBuilder is for other JVMs");
  }

  @Test
  void onlyThePlatformStartsProcesses() {
    processStarters().check(classes);
  }

  @Test
  void theDaemonNeverReachesTheSshTransport() {
    daemonKeepsOutOfTheSshTransport().check(classes);
  }

  @Test
  void onlyTheAppExits() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tend.app..")
        .should()
        .callMethod(System.class, "exit", int.class)
        .because("library code never decides the process's fate")
        .check(classes);
  }

  @Test
  void onlyTheAppAndTheCtlOutputPrintToTheConsole() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.tend.app..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("library code writes to what it is given; app decides where output goes")
        .check(classes);
  }
}
