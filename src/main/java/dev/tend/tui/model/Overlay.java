package dev.tend.tui.model;

import dev.tend.api.ConfigInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is drawn over the panes and takes the keys while it is open. Mutable, owned by the UI
 * thread; the view reads the getters.
 */
public sealed interface Overlay {

  /** The key reference generated from the keymap. */
  final class Help implements Overlay {
    int scroll;

    public int scroll() {
      return scroll;
    }
  }

  /** A question before a process action: y/n, or a word to type. */
  final class Confirm implements Overlay {
    final ProcessRequest request;
    final Confirmation confirmation;
    final LineEditor typed = new LineEditor();

    Confirm(ProcessRequest request, Confirmation confirmation) {
      this.request = request;
      this.confirmation = confirmation;
    }

    public ProcessRequest request() {
      return request;
    }

    public Confirmation confirmation() {
      return confirmation;
    }

    public LineEditor typed() {
      return typed;
    }
  }

  /** The signal menu ({@code K}). */
  final class SignalMenu implements Overlay {
    final Target target;
    int index;

    SignalMenu(Target target) {
      this.target = target;
    }

    public Target target() {
      return target;
    }

    public int index() {
      return index;
    }
  }

  /** A process's details ({@code d}); the configuration arrives from the server later. */
  final class Details implements Overlay {
    final String namespec;
    @Nullable ConfigInfo config;
    @Nullable String error;
    boolean loading = true;
    int scroll;

    Details(String namespec) {
      this.namespec = namespec;
    }

    public String namespec() {
      return namespec;
    }

    public @Nullable ConfigInfo config() {
      return config;
    }

    public @Nullable String error() {
      return error;
    }

    public boolean loading() {
      return loading;
    }

    public int scroll() {
      return scroll;
    }
  }

  /** The {@code :} command line, with the completion candidates last offered. */
  final class CommandLine implements Overlay {
    final LineEditor editor = new LineEditor();
    List<CommandGrammar.Candidate> candidates = List.of();
    // -1 when no candidate is chosen; else the one Tab put into the line
    int chosen = -1;
    int wordStart;

    public LineEditor editor() {
      return editor;
    }

    public List<CommandGrammar.Candidate> candidates() {
      return candidates;
    }

    public int chosen() {
      return chosen;
    }
  }

  /** Typing the table filter ({@code /}); Esc puts back what was there before. */
  final class Filter implements Overlay {
    final LineEditor editor = new LineEditor();
    final String before;

    Filter(String before) {
      this.before = before;
      editor.set(before);
    }

    public LineEditor editor() {
      return editor;
    }
  }

  /** Hosted mode's question on quitting: what happens to the programs. */
  final class Quit implements Overlay {}

  /**
   * A pattern or a file name typed for a log pane: its search ({@code /}, highlighting as it is
   * typed), its filter ({@code &}, applied as it is typed) or where to save it ({@code S}). Esc
   * puts back what was there before.
   */
  final class LogPrompt implements Overlay {
    /** What the typed text is for. */
    public enum Purpose {
      SEARCH("/"),
      FILTER("&"),
      SAVE("save to: ");

      private final String prompt;

      Purpose(String prompt) {
        this.prompt = prompt;
      }

      public String prompt() {
        return prompt;
      }
    }

    final Purpose purpose;
    final int pane;
    final LineEditor editor = new LineEditor();
    final @Nullable LogQuery before;
    boolean regex;
    LogQuery.CaseMode caseMode = LogQuery.CaseMode.SMART;
    // what the pattern typed so far matches, or why it cannot be used
    String status = "";

    LogPrompt(Purpose purpose, int pane, @Nullable LogQuery before) {
      this.purpose = purpose;
      this.pane = pane;
      this.before = before;
      if (before != null) {
        regex = before.regex();
        caseMode = before.caseMode();
      }
    }

    public Purpose purpose() {
      return purpose;
    }

    public LineEditor editor() {
      return editor;
    }

    public boolean regex() {
      return regex;
    }

    public LogQuery.CaseMode caseMode() {
      return caseMode;
    }

    public String status() {
      return status;
    }
  }

  /**
   * Copy mode in a log pane ({@code v}): a cursor line and the line where the selection started;
   * {@code y} copies the lines between them (as shown) to the clipboard.
   */
  final class CopyMode implements Overlay {
    final int pane;
    long anchor;
    long cursor;

    CopyMode(int pane, long at) {
      this.pane = pane;
      this.anchor = at;
      this.cursor = at;
    }

    public int pane() {
      return pane;
    }

    /** First position of the selection. */
    public long from() {
      return Math.min(anchor, cursor);
    }

    /** Last position of the selection (inclusive). */
    public long to() {
      return Math.max(anchor, cursor);
    }

    public long cursor() {
      return cursor;
    }
  }
}
