package dev.tend.tui.control;

import dev.tend.tui.keymap.Action;
import dev.tend.tui.state.Column;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import org.jspecify.annotations.Nullable;

/** A parsed {@code :} line: what to do. */
public sealed interface Command {

  /** A process action on named processes. */
  record Run(ProcessRequest request) implements Command {}

  /** A process action on the tagged or selected processes, as its key would do. */
  record RunOnSelection(Verb verb, @Nullable String signal) implements Command {}

  /** Any keymap action by its name ({@code :wrap}, {@code :details}, {@code :quit}). */
  record Invoke(Action action) implements Command {}

  /** A theme by name, or the next one when null. */
  record ChooseTheme(@Nullable String name) implements Command {}

  /** Sets the table filter (empty clears it). */
  record SetFilter(String text) implements Command {}

  /** Sorts the table. */
  record Sort(Column column) implements Command {}

  /** Shows a process's log in the pane. */
  record Tail(String namespec, LogPane.Streams streams) implements Command {}

  /** A new log pane on a process, several, a group or all ({@code :log}). */
  record OpenLog(PaneSource source) implements Command {}

  /** The line is wrong; {@code message} says how. */
  record Problem(String message) implements Command {}

  /** An empty line. */
  record Nothing() implements Command {}
}
