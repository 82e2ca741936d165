package dev.tend.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Set;
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
        .layer("tuiBase")
        .definedBy("dev.tend.tui.keymap..", "dev.tend.tui.theme..", "dev.tend.tui.text..")
        .layer("tuiState")
        .definedBy("dev.tend.tui.state..")
        .layer("tuiFeed")
        .definedBy("dev.tend.tui.feed..")
        .layer("tuiControl")
        .definedBy("dev.tend.tui.control..")
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
        .whereLayer("tuiControl")
        .mayOnlyBeAccessedByLayers("tuiView")
        .whereLayer("tuiFeed")
        .mayOnlyBeAccessedByLayers("tuiControl", "tuiView", "app")
        .whereLayer("tuiState")
        .mayOnlyBeAccessedByLayers("tuiFeed", "tuiControl", "tuiView", "app")
        // app reads the keymap too: the man page's key table is made from it
        .whereLayer("tuiBase")
        .mayOnlyBeAccessedByLayers("tuiState", "tuiFeed", "tuiControl", "tuiView", "app")
        .whereLayer("cli")
        .mayOnlyBeAccessedByLayers("shell", "tuiView", "app")
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
            "logs", "core", "server", "client", "cli", "shell", "tuiView", "app")
        .whereLayer("platform")
        .mayOnlyBeAccessedByLayers("config", "logs", "core", "server", "tuiView", "app");
  }

  /**
   * The console's packages, top down: the view (lanterna, the UI loop, the wiring) uses the
   * control; the control (keys and events into state changes) uses the feeds and the state; the
   * feeds (threads that talk to the server and to files) use the state; the state uses only the
   * keymap, the themes and the text helpers. Nothing points back up, so no part of the state can
   * ask the controller anything, and no feed can reach into the keys.
   */
  static ArchRule consolePackages() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("base")
        .definedBy("dev.tend.tui.keymap..", "dev.tend.tui.theme..", "dev.tend.tui.text..")
        .layer("state")
        .definedBy("dev.tend.tui.state..")
        .layer("feed")
        .definedBy("dev.tend.tui.feed..")
        .layer("control")
        .definedBy("dev.tend.tui.control..")
        .layer("view")
        .definedBy("dev.tend.tui.view..")
        .whereLayer("view")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("control")
        .mayOnlyBeAccessedByLayers("view")
        .whereLayer("feed")
        .mayOnlyBeAccessedByLayers("control", "view")
        .whereLayer("state")
        .mayOnlyBeAccessedByLayers("feed", "control", "view")
        .because("the console's state is changed by its control and fed by its feeds, never back");
  }

  /** Only the console's feeds call the supervisor: keys and drawing never wait on the network. */
  static ArchRule onlyTheFeedsCallTheSupervisor() {
    return noClasses()
        .that()
        .resideInAPackage("dev.tend.tui..")
        .and()
        .resideOutsideOfPackage("dev.tend.tui.feed..")
        .should()
        .callMethodWhere(
            JavaCall.Predicates.target(
                HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.assignableTo(dev.tend.api.SupervisorApi.class))))
        .because("the UI thread never blocks: the feeds call the server and post what it said");
  }

  /**
   * Drawing only reads the state: the view's widgets call none of its operations (a method that
   * returns nothing, or one of those that return something and change it). The UI loop alone takes
   * what the controller left for the terminal; the controller sets what the view measured.
   */
  static ArchRule drawingOnlyReadsTheState() {
    return noClasses()
        .that()
        .resideInAPackage("dev.tend.tui.view..")
        .and()
        .doNotHaveSimpleName("ConsoleLoop")
        .should()
        .callMethodWhere(
            new DescribedPredicate<JavaMethodCall>("an operation that changes the console state") {
              @Override
              public boolean test(JavaMethodCall call) {
                JavaClass owner = call.getTargetOwner();
                if (!owner.getPackageName().startsWith("dev.tend.tui.state")) {
                  return false;
                }
                String name = call.getTarget().getName();
                boolean atTime =
                    owner.isEquivalentTo(dev.tend.tui.state.ProcessTable.class)
                        && call.getTarget().getRawParameterTypes().stream()
                            .anyMatch(t -> t.isEquivalentTo(long.class));
                return call.getTarget().getRawReturnType().isEquivalentTo(void.class)
                    || name.startsWith("take")
                    || CHANGING_READS.contains(name)
                    || atTime;
              }
            })
        .because("the view reports what it measured through the controller, outside drawing");
  }

  /**
   * Who changes the focus? One class: each piece of the console's state has one writer in the
   * control. The panes (layout, focus, zoom, the selection pane) are changed by PaneArrangement
   * alone; the process table by TableKeys (how it is looked at) and FeedEvents (its rows); the
   * server's status by FeedEvents.
   */
  static ArchRule consoleStateHasOneWriter() {
    return CompositeArchRule.of(
            changedOnlyBy(dev.tend.tui.state.Panes.class, "PaneArrangement", "", "the panes"))
        .and(
            changedOnlyBy(
                dev.tend.tui.state.ProcessTable.class,
                "TableKeys",
                "FeedEvents",
                "the process table"))
        .and(
            noClasses()
                .that()
                .resideOutsideOfPackage("dev.tend.tui.state..")
                .and()
                .doNotHaveFullyQualifiedName("dev.tend.tui.control.FeedEvents")
                .should()
                .callMethod(
                    dev.tend.tui.state.ConsoleModel.class,
                    "setConnection",
                    dev.tend.tui.state.Connection.class)
                .because("the server's status is what the feeds say, and FeedEvents says it"));
  }

  private static ArchRule changedOnlyBy(Class<?> state, String owner, String other, String what) {
    return noClasses()
        .that()
        .resideOutsideOfPackage("dev.tend.tui.state..")
        .and()
        .doNotHaveFullyQualifiedName("dev.tend.tui.control." + owner)
        .and()
        .doNotHaveFullyQualifiedName("dev.tend.tui.control." + other)
        .should()
        .callMethodWhere(
            new DescribedPredicate<JavaMethodCall>("an operation that changes " + what) {
              @Override
              public boolean test(JavaMethodCall call) {
                return call.getTargetOwner().isEquivalentTo(state)
                    && (call.getTarget().getRawReturnType().isEquivalentTo(void.class)
                        || CHANGING_READS.contains(call.getTarget().getName()));
              }
            })
        .because(what + " have one writer in the control, so who changed them has one answer");
  }

  /** State operations that return a value and change the state as well. */
  private static final Set<String> CHANGING_READS =
      Set.of(
          "viewport",
          "newId",
          "close",
          "focusNumber",
          "focusTable",
          "unzoom",
          "jumpToMatch",
          "scrollSideways",
          "scrollTop",
          "choose",
          "add",
          "slotOf",
          "select",
          "selectNextFailing");

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
  void consolePackagesPointDown() {
    consolePackages().check(classes);
  }

  @Test
  void consolePackagesHaveNoCycles() {
    slices().matching("dev.tend.tui.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyTheConsoleFeedsCallTheSupervisor() {
    onlyTheFeedsCallTheSupervisor().check(classes);
  }

  @Test
  void theConsoleDrawsWithoutChangingItsState() {
    drawingOnlyReadsTheState().check(classes);
  }

  @Test
  void eachPieceOfConsoleStateHasOneWriter() {
    consoleStateHasOneWriter().check(classes);
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
