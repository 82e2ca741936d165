package dev.tend.cli.shell;

import dev.tend.cli.CommandLoop;
import dev.tend.cli.CtlSession;
import dev.tend.cli.UserInput;
import dev.tend.cli.UserInterrupt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The interactive {@code tend ctl} shell on a terminal: jline's line editor with history in {@code
 * [supervisorctl] history_file} and Tab completion by supervisorctl's rules ({@link
 * ShellCompleter}). Lines reach the session as typed: no quote or escape processing, no {@code !}
 * history expansion (supervisorctl has neither).
 *
 * <p>Ctrl-C at the prompt ends the shell; while {@code tail -f} or {@code fg} runs it returns to
 * the prompt; while any other command waits it ends the shell through {@code exitNow}, as
 * supervisorctl does.
 */
public final class JlineShell implements UserInput, AutoCloseable {
  /** jline's mask that shows nothing at all, as Python's getpass. */
  private static final char NO_ECHO = 0;

  private final Terminal terminal;
  private final LineReader reader;
  private final Runnable exitNow;
  private final ShellCompleter completer;
  private final List<Runnable> interruptActions = new CopyOnWriteArrayList<>();

  private JlineShell(
      Terminal terminal, LineReader reader, Runnable exitNow, ShellCompleter completer) {
    this.terminal = terminal;
    this.reader = reader;
    this.exitNow = exitNow;
    this.completer = completer;
  }

  /**
   * Opens the terminal.
   *
   * @param historyFile where history is loaded from and saved to; null for none
   * @param exitNow ends the program at once (exit status 0) on Ctrl-C during a plain command
   */
  public static JlineShell open(@Nullable Path historyFile, Runnable exitNow) throws IOException {
    // jline-native (JNI) rather than JNA, which jline deprecates and would warn about
    Terminal terminal =
        TerminalBuilder.builder().system(true).nativeSignals(true).jna(false).build();
    DefaultParser parser = new DefaultParser();
    parser.setQuoteChars(new char[0]);
    parser.setEscapeChars(new char[0]);
    ShellCompleter completer = new ShellCompleter();
    LineReaderBuilder b =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .completer(completer)
            .parser(parser)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
            .option(LineReader.Option.AUTO_LIST, true)
            .variable(LineReader.HISTORY_SIZE, 1000)
            .variable(LineReader.DISABLE_HISTORY, true);
    if (historyFile != null) {
      b.variable(LineReader.HISTORY_FILE, historyFile);
    }
    JlineShell shell = new JlineShell(terminal, b.build(), exitNow, completer);
    terminal.handle(Terminal.Signal.INT, signal -> shell.interrupted());
    return shell;
  }

  /** Runs the shell on {@code session} (which reads through this) until the user leaves it. */
  public void run(CtlSession session, String prompt) {
    completer.attach(session);
    try {
      CommandLoop.run(session, this, prompt);
    } finally {
      saveHistory();
    }
  }

  private void interrupted() {
    if (interruptActions.isEmpty()) {
      terminal.writer().println();
      terminal.flush();
      saveHistory();
      exitNow.run();
      return;
    }
    for (Runnable r : interruptActions) {
      r.run();
    }
  }

  private void saveHistory() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // as supervisorctl: a history that cannot be written is not worth an error
    }
  }

  @Override
  public @Nullable String readCommand(String prompt) {
    return read(prompt, null, true);
  }

  @Override
  public @Nullable String readLine(String prompt) {
    return read(prompt, null, false);
  }

  @Override
  public @Nullable String readPassword(String prompt) {
    return read(prompt, NO_ECHO, false);
  }

  /** A line; only command lines are completed and kept in the history. */
  private @Nullable String read(String prompt, @Nullable Character mask, boolean command) {
    reader.setVariable(LineReader.DISABLE_HISTORY, !command);
    reader.setVariable(LineReader.DISABLE_COMPLETION, !command);
    try {
      return reader.readLine(prompt, mask);
    } catch (UserInterruptException e) {
      throw new UserInterrupt();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public Registration onInterrupt(Runnable action) {
    interruptActions.add(action);
    return new Registration() {
      @Override
      public void close() {
        interruptActions.remove(action);
      }
    };
  }

  @Override
  public boolean isTerminal() {
    return true;
  }

  @Override
  public void close() throws IOException {
    terminal.close();
  }
}
