package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.Await;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs the real console on a virtual terminal for screen tests: keys go in as the terminal's input,
 * assertions read back the cells the console sent to the terminal, as they were at its last flush
 * (the end of a frame), so a reading never sees half of one frame and half of the next.
 */
final class ConsoleDriver implements AutoCloseable {
  static final Map<String, String> TRUECOLOR =
      Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor", "LANG", "en_US.UTF-8");

  /** On the terminal's main screen before the console starts. */
  static final String SHELL_PROMPT = "shell prompt$ ";

  final DefaultVirtualTerminal terminal;
  final RecordingTerminalAccess access = new RecordingTerminalAccess();
  private final Thread thread;
  private final AtomicReference<@Nullable ExitChoice> exit = new AtomicReference<>();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  // the cells at the terminal's last flush, by row; null before the first
  private final AtomicReference<TextCharacter @Nullable [][]> flushed = new AtomicReference<>();

  private ConsoleDriver(SupervisorApi api, ConsoleOptions options, int columns, int rows) {
    this(Map.of("", api), options, columns, rows);
  }

  /** The console on several servers, name to client ("" alone: the one server). */
  private ConsoleDriver(
      Map<String, SupervisorApi> apis, ConsoleOptions options, int columns, int rows) {
    terminal = ConsoleTerminals.virtual(columns, rows);
    terminal.putString(SHELL_PROMPT); // what the console must leave on screen when it ends
    terminal.addVirtualTerminalListener(
        new VirtualTerminalListener() {
          @Override
          public void onFlush() {
            flushed.set(cells());
          }

          @Override
          public void onBell() {}

          @Override
          public void onClose() {}

          @Override
          public void onResized(Terminal t, TerminalSize size) {}
        });
    thread =
        new Thread(
            () -> {
              try {
                exit.set(Console.run(apis, Map.of(), options, terminal, access));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "console-under-test");
    thread.start();
  }

  /** Options for a test: no user files, a fixed clock, truecolor unless env says otherwise. */
  static ConsoleOptions options(
      ConsoleOptions.Mode mode, long nowSeconds, Map<String, String> env) {
    return ConsoleOptions.defaults(mode, "unix:///run/supervisor.sock")
        .withConfigDir(null)
        .withEnv(env)
        .withHostname("web1")
        .withClock(Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC), ZoneOffset.UTC);
  }

  /** The console on several servers, name to client, in the order listed. */
  static ConsoleDriver start(
      Map<String, SupervisorApi> apis, ConsoleOptions options, int columns, int rows) {
    return new ConsoleDriver(apis, options, columns, rows);
  }

  static ConsoleDriver start(SupervisorApi api, ConsoleOptions options, int columns, int rows) {
    return new ConsoleDriver(api, options, columns, rows);
  }

  void press(String... keys) {
    for (String k : keys) {
      terminal.addInput(stroke(KeyChord.parse(k)));
    }
  }

  void type(String text) {
    for (char c : text.toCharArray()) {
      terminal.addInput(
          c == ' ' ? new KeyStroke(' ', false, false) : new KeyStroke(c, false, false));
    }
  }

  static KeyStroke stroke(KeyChord k) {
    if (k.isCharacter()) {
      return new KeyStroke(k.key().charAt(0), k.ctrl(), k.alt());
    }
    KeyType t =
        switch (k.key()) {
          case "Space" -> null;
          case "Enter" -> KeyType.Enter;
          case "Esc" -> KeyType.Escape;
          case "Tab" -> KeyType.Tab;
          case "Shift-Tab" -> KeyType.ReverseTab;
          case "Backspace" -> KeyType.Backspace;
          case "Up" -> KeyType.ArrowUp;
          case "Down" -> KeyType.ArrowDown;
          case "Left" -> KeyType.ArrowLeft;
          case "Right" -> KeyType.ArrowRight;
          case "Home" -> KeyType.Home;
          case "End" -> KeyType.End;
          case "PgUp" -> KeyType.PageUp;
          case "PgDn" -> KeyType.PageDown;
          case "F1" -> KeyType.F1;
          default -> throw new IllegalArgumentException("no stroke for " + k);
        };
    return t == null ? new KeyStroke(' ', false, false) : new KeyStroke(t, k.ctrl(), k.alt());
  }

  /** Every cell of the terminal now (on the thread that flushes: a whole frame). */
  private TextCharacter[][] cells() {
    TerminalSize size = terminal.getTerminalSize();
    TextCharacter[][] out = new TextCharacter[size.getRows()][size.getColumns()];
    for (int y = 0; y < out.length; y++) {
      for (int x = 0; x < out[y].length; x++) {
        out[y][x] = terminal.getCharacter(x, y);
      }
    }
    return out;
  }

  /** The cells as last flushed (before the first flush: as they are). */
  private TextCharacter[][] shown() {
    TextCharacter[][] f = flushed.get();
    return f != null ? f : cells();
  }

  String row(int y) {
    return row(shown(), y);
  }

  private static String row(TextCharacter[][] cells, int y) {
    StringBuilder s = new StringBuilder();
    for (TextCharacter c : cells[y]) {
      s.append(c.getCharacterString());
    }
    return s.toString();
  }

  String screen() {
    TextCharacter[][] cells = shown();
    StringBuilder s = new StringBuilder();
    for (int y = 0; y < cells.length; y++) {
      s.append(row(cells, y)).append('\n');
    }
    return s.toString();
  }

  TextCharacter cell(int x, int y) {
    return shown()[y][x];
  }

  /** The row that contains {@code text}, or -1. */
  int rowOf(String text) {
    TextCharacter[][] cells = shown();
    for (int y = 0; y < cells.length; y++) {
      if (row(cells, y).contains(text)) {
        return y;
      }
    }
    return -1;
  }

  /** The first cell of {@code text} on its row. */
  TextCharacter cellOf(String text) {
    TextCharacter[][] cells = shown();
    for (int y = 0; y < cells.length; y++) {
      int x = row(cells, y).indexOf(text);
      if (x >= 0) {
        return cells[y][x];
      }
    }
    throw new AssertionError("'" + text + "' is not on the screen:\n" + screen());
  }

  void awaitText(String text) {
    Await.value(
        "'" + text + "' on the screen",
        Duration.ofSeconds(10),
        this::screen,
        s -> s.contains(text));
  }

  void awaitGone(String text) {
    Await.value(
        "'" + text + "' gone from the screen",
        Duration.ofSeconds(10),
        this::screen,
        s -> !s.contains(text));
  }

  void resize(int columns, int rows) {
    terminal.setTerminalSize(new TerminalSize(columns, rows));
  }

  ExitChoice awaitExit() {
    Await.until("the console to end", () -> !thread.isAlive());
    Throwable t = failure.get();
    if (t != null) {
      throw new AssertionError("the console failed", t);
    }
    ExitChoice e = exit.get();
    if (e == null) {
      throw new AssertionError("the console ended without a choice");
    }
    return e;
  }

  @Nullable Throwable failure() {
    Await.until("the console to end", () -> !thread.isAlive());
    return failure.get();
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      thread.interrupt();
      Await.until("the console to stop", () -> !thread.isAlive());
    }
  }
}
