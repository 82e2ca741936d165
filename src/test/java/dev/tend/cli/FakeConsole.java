package dev.tend.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A {@link UserInput} for tests: answers prompts from a script, records the prompts, and presses
 * Ctrl-C on demand for whoever listens.
 */
final class FakeConsole implements UserInput {
  private final boolean terminal;
  private final Deque<String> answers; // guarded by this
  final List<String> prompts = new CopyOnWriteArrayList<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  FakeConsole(boolean terminal, String... answers) {
    this.terminal = terminal;
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  @Override
  public synchronized @Nullable String readLine(String prompt) {
    prompts.add(prompt);
    return answers.poll();
  }

  @Override
  public @Nullable String readPassword(String prompt) {
    return readLine(prompt);
  }

  @Override
  public Registration onInterrupt(Runnable action) {
    listeners.add(action);
    return () -> listeners.remove(action);
  }

  @Override
  public boolean isTerminal() {
    return terminal;
  }

  /** Whether a verb listens for Ctrl-C now. */
  boolean listening() {
    return !listeners.isEmpty();
  }

  void pressCtrlC() {
    for (Runnable r : listeners) {
      r.run();
    }
  }
}
