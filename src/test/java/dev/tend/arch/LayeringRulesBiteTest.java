package dev.tend.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tend.app.DaemonThatOpensSsh;
import dev.tend.cli.CliThatCallsTheClient;
import dev.tend.cli.CliThatStartsAProcess;
import dev.tend.control.client.ssh.SshCommand;
import dev.tend.core.CoreThatDrawsOnTheTerminal;
import dev.tend.platform.PlatformThatReadsTheConfig;
import dev.tend.tui.control.ConsoleController;
import dev.tend.tui.control.ControllerThatCallsTheServer;
import dev.tend.tui.control.KeysThatMoveTheFocus;
import dev.tend.tui.state.Panes;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.StateThatAsksTheController;
import dev.tend.tui.view.WidgetThatPagesTheTable;
import dev.tend.tui.view.WidgetThatSortsTheTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@link LayeringTest} must fail on code that breaks them. */
class LayeringRulesBiteTest {

  @Test
  void coreImportingLanternaFails() {
    JavaClasses bad = new ClassFileImporter().importClasses(CoreThatDrawsOnTheTerminal.class);
    assertThrows(AssertionError.class, () -> LayeringTest.lanternaOnlyInView().check(bad));
  }

  @Test
  void platformDependingOnConfigFails() {
    JavaClasses bad =
        new ClassFileImporter()
            .importClasses(PlatformThatReadsTheConfig.class, dev.tend.config.ConfigException.class);
    assertThrows(AssertionError.class, () -> LayeringTest.layers().check(bad));
  }

  @Test
  void processBuilderOutsideSshProcessFails() {
    JavaClasses bad = new ClassFileImporter().importClasses(CliThatStartsAProcess.class);
    assertThrows(AssertionError.class, () -> LayeringTest.processStarters().check(bad));
  }

  @Test
  void sshProcessAloneMayStartProcesses() throws ClassNotFoundException {
    JavaClasses ok =
        new ClassFileImporter()
            .importClasses(Class.forName(LayeringTest.SSH_PROCESS), SshCommand.class);
    LayeringTest.processStarters().check(ok);
  }

  @Test
  void aDaemonClassReachingSshFails() {
    JavaClasses bad =
        new ClassFileImporter().importClasses(DaemonThatOpensSsh.class, SshCommand.class);
    assertThrows(
        AssertionError.class, () -> LayeringTest.daemonKeepsOutOfTheSshTransport().check(bad));
  }

  @Test
  void cliUsingTheXmlRpcClientFails() {
    JavaClasses bad =
        new ClassFileImporter()
            .importClasses(CliThatCallsTheClient.class, dev.tend.control.client.ServerUrl.class);
    assertThrows(AssertionError.class, () -> LayeringTest.layers().check(bad));
  }

  @Test
  void consoleStateAskingTheControllerFails() {
    JavaClasses bad =
        new ClassFileImporter()
            .importClasses(StateThatAsksTheController.class, ConsoleController.class);
    assertThrows(AssertionError.class, () -> LayeringTest.consolePackages().check(bad));
  }

  @Test
  void consoleControlCallingTheServerFails() {
    JavaClasses bad = new ClassFileImporter().importClasses(ControllerThatCallsTheServer.class);
    assertThrows(
        AssertionError.class, () -> LayeringTest.onlyTheFeedsCallTheSupervisor().check(bad));
  }

  @Test
  void consoleDrawingThatChangesTheStateFails() {
    for (Class<?> widget : List.of(WidgetThatPagesTheTable.class, WidgetThatSortsTheTable.class)) {
      JavaClasses bad = new ClassFileImporter().importClasses(widget, ProcessTable.class);
      assertThrows(
          AssertionError.class,
          () -> LayeringTest.drawingOnlyReadsTheState().check(bad),
          widget.getSimpleName());
    }
  }

  @Test
  void aSecondWriterOfTheFocusFails() {
    JavaClasses bad =
        new ClassFileImporter().importClasses(KeysThatMoveTheFocus.class, Panes.class);
    assertThrows(AssertionError.class, () -> LayeringTest.consoleStateHasOneWriter().check(bad));
  }
}
