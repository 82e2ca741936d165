package dev.tend.tui.view;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.tend.api.SupervisorApi;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.DemoScene;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The console on this terminal, fed by the demo scene with some life in it: for trying the console
 * by hand before the app wires it to a real supervisor, and for the tmux end-to-end test. Uses
 * lanterna's own terminal (it runs {@code stty}, fine here: no reaper in this JVM); the app uses
 * the platform's Tty. {@code java -cp ... dev.tend.tui.view.DevConsole [--hosted] [--read-only]}
 */
public final class DevConsole {
  private DevConsole() {}

  public static void main(String[] args) throws Exception {
    List<String> a = List.of(args);
    boolean hosted = a.contains("--hosted");
    boolean readOnly = a.contains("--read-only");
    int attach = a.indexOf("--attach");
    if (attach >= 0) {
      String url = a.get(attach + 1);
      try (RemoteSupervisor remote =
          RemoteSupervisor.connect(ServerUrl.parse(url), ClientSettings.defaults())) {
        ConsoleOptions options =
            ConsoleOptions.defaults(ConsoleOptions.Mode.ATTACHED, url).withReadOnly(readOnly);
        run(remote, options);
      }
      return;
    }
    FakeSupervisorApi api = DemoScene.create(System.currentTimeMillis() / 1000);
    Thread life =
        new Thread(
            () -> {
              for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                DemoScene.tick(api, n, System.currentTimeMillis() / 1000);
                try {
                  Thread.sleep(700);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "demo-life");
    life.setDaemon(true);
    life.start();
    ConsoleOptions options =
        ConsoleOptions.defaults(
                hosted ? ConsoleOptions.Mode.HOSTED : ConsoleOptions.Mode.ATTACHED,
                hosted ? "examples/demo/supervisord.conf" : "unix:///tmp/demo.sock")
            .withReadOnly(readOnly);
    run(api, options);
  }

  private static void run(SupervisorApi api, ConsoleOptions options) throws Exception {
    ExitChoice choice;
    try (Terminal terminal =
        new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
            .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
            .createTerminal()) {
      choice = Console.run(api, options, terminal);
    }
    System.out.println("console ended: " + choice);
    System.exit(0);
  }
}
