package dev.tend.tui.view;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.tend.api.SupervisorApi;
import dev.tend.tui.control.ConsoleController;
import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.feed.ConsoleSetup;
import dev.tend.tui.feed.EventSink;
import dev.tend.tui.feed.ServerLinks;
import dev.tend.tui.feed.SupervisorLink;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The console's entry point: runs the full-screen console on a terminal until the user quits and
 * returns what should happen next. The calling thread becomes the UI thread.
 *
 * <p>The terminal is left as it was found (main screen, cursor shown, colours reset) however the
 * console ends: normally, by an exception (rethrown after the terminal is restored), or by the JVM
 * shutting down (Ctrl-C when the terminal sends it as a signal, SIGTERM): a shutdown hook restores
 * it then. Raw mode belongs to the terminal: whoever made it closes it.
 */
public final class Console {
  private Console() {}

  /**
   * Runs the console.
   *
   * @param api the supervisor: a client of the tend daemon or supervisord the console talks to
   * @param options mode, target, read-only, the user's files, environment, clock
   * @param terminal a terminal in raw mode whose {@code readInput} blocks without holding a lock
   *     that output needs (lanterna's stream terminals and {@link ConsoleTerminals#virtual} do)
   * @return how it ended: detach, or, hosted, stop the programs or leave them running
   * @throws IOException when the terminal fails (the terminal is restored first)
   */
  public static ExitChoice run(SupervisorApi api, ConsoleOptions options, Terminal terminal)
      throws IOException {
    if (terminal instanceof TtyTerminal tty) {
      try (TtyAccess access = new TtyAccess(tty, options.env())) {
        return run(api, options, terminal, access);
      }
    }
    return run(api, options, terminal, TerminalAccess.NONE);
  }

  /**
   * Runs the console on several servers: one table, each row on its server ({@code apis}: name to
   * client, in the order listed; {@code urls}: name to the URL the servers view shows).
   */
  public static ExitChoice run(
      Map<String, SupervisorApi> apis,
      Map<String, String> urls,
      ConsoleOptions options,
      Terminal terminal)
      throws IOException {
    if (terminal instanceof TtyTerminal tty) {
      try (TtyAccess access = new TtyAccess(tty, options.env())) {
        return run(apis, urls, options, terminal, access);
      }
    }
    return run(apis, urls, options, terminal, TerminalAccess.NONE);
  }

  /** Runs the console with this clipboard and pager (tests record them). */
  static ExitChoice run(
      SupervisorApi api, ConsoleOptions options, Terminal terminal, TerminalAccess access)
      throws IOException {
    return run(Map.of("", api), Map.of(), options, terminal, access);
  }

  /** Runs the console on one server ("") or several, with this clipboard and pager. */
  static ExitChoice run(
      Map<String, SupervisorApi> apis,
      Map<String, String> urls,
      ConsoleOptions options,
      Terminal terminal,
      TerminalAccess access)
      throws IOException {
    Map<String, String> servers = new LinkedHashMap<>();
    if (!(apis.size() == 1 && apis.containsKey(""))) {
      apis.keySet().forEach(name -> servers.put(name, urls.getOrDefault(name, name)));
    }
    ConsoleModel model = ConsoleSetup.load(options, servers);
    TerminalScreen screen = new TerminalScreen(terminal);
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    EventSink sink = queue::add;
    Links link = links(apis, options, sink);
    ConsoleController controller =
        new ConsoleController(model, link.services(), sink, JlineCompleter::new);
    ConsoleLoop loop =
        new ConsoleLoop(terminal, controller, new Frame(screen, model), access, queue);
    TerminalRestorer restorer = new TerminalRestorer(screen, terminal);
    Thread hook = new Thread(restorer::restore, "tend-console-restore");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      screen.startScreen();
      link.start();
      return loop.run();
    } finally {
      loop.close();
      link.close();
      restorer.restore();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs (harmlessly, restoring is done once)
      }
    }
  }

  /** The feeds of one server, or of several; started and closed together. */
  private record Links(ConsoleServices services, Runnable starter, AutoCloseable closer) {
    void start() {
      starter.run();
    }

    void close() {
      try {
        closer.close();
      } catch (Exception e) {
        // the links' close throws nothing; closing goes on regardless
      }
    }
  }

  private static Links links(
      Map<String, SupervisorApi> apis, ConsoleOptions options, EventSink sink) {
    if (apis.size() == 1 && apis.containsKey("")) {
      SupervisorLink one =
          new SupervisorLink(java.util.Objects.requireNonNull(apis.get("")), options, sink);
      return new Links(one, one::start, one);
    }
    ServerLinks many = new ServerLinks(apis, options, sink);
    return new Links(many, many::start, many);
  }
}
