package dev.tend.tui.state;

import dev.tend.api.ConfigInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is drawn over the panes and takes the keys while it is open. Mutable, owned by the UI
 * thread: the key class of each overlay changes it through the operations below; the view reads the
 * getters.
 */
public sealed interface Overlay {

  /** The key reference generated from the keymap. */
  final class Help implements Overlay {
    // UI thread only; 0 or more
    private int scroll;

    public int scroll() {
      return scroll;
    }

    public void scrollBy(int rows) {
      scroll = Math.max(0, scroll + rows);
    }
  }

  /**
   * The servers and how each answers ({@code :servers}); its keys (the keymap's servers view) act
   * on the one selected.
   */
  final class Servers implements Overlay {
    // UI thread only; the index of the server selected, kept within the list by the keys
    private int selected;
    // UI thread only; true while the selected server's error is shown in full instead of the list
    private boolean errorShown;

    public int selected() {
      return selected;
    }

    /** Moves the selection by {@code delta} within {@code count} servers (back to the list). */
    public void move(int delta, int count) {
      selected = Math.max(0, Math.min(count - 1, selected + delta));
      errorShown = false;
    }

    public boolean errorShown() {
      return errorShown;
    }

    /** The selected server's error in full, or the list again. */
    public void toggleError() {
      errorShown = !errorShown;
    }
  }

  /** A question before a process action: y/n, or a word to type. */
  final class Confirm implements Overlay {
    private final ProcessRequest request;
    private final Confirmation confirmation;
    private final LineEditor typed = new LineEditor();

    public Confirm(ProcessRequest request, Confirmation confirmation) {
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
    private final Target target;
    // UI thread only; an index of Signals.MENU
    private int index;

    public SignalMenu(Target target) {
      this.target = target;
    }

    public Target target() {
      return target;
    }

    public int index() {
      return index;
    }

    /** Moves the choice {@code step} entries down the menu, wrapping. */
    public void move(int step) {
      index = Math.floorMod(index + step, Signals.MENU.size());
    }
  }

  /** A process's details ({@code d}); the configuration arrives from the server later. */
  final class Details implements Overlay {
    private final String namespec;
    // UI thread only, the four below; the first three set once, when the answer arrives
    private @Nullable ConfigInfo config;
    private @Nullable String error;
    private boolean loading = true;
    private int scroll;

    public Details(String namespec) {
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

    /** The server answered: the configuration, or why there is none. */
    public void loaded(@Nullable ConfigInfo found, @Nullable String problem) {
      loading = false;
      config = found;
      error = problem;
    }

    public void scrollBy(int rows) {
      scroll = Math.max(0, scroll + rows);
    }
  }

  /** The {@code :} command line, with the completion candidates last offered. */
  final class CommandLine implements Overlay {
    private final LineEditor editor = new LineEditor();
    // UI thread only, the three below: what Tab offered, which it put into the line, and where
    // the completed word starts
    private List<Candidate> candidates = List.of();
    // -1 when no candidate is chosen
    private int chosen = -1;
    private int wordStart;

    public LineEditor editor() {
      return editor;
    }

    public List<Candidate> candidates() {
      return candidates;
    }

    public int chosen() {
      return chosen;
    }

    /** Where the word the candidates complete starts in the line. */
    public int wordStart() {
      return wordStart;
    }

    /** Tab offered several candidates for the word at {@code start}; none is chosen yet. */
    public void offer(List<Candidate> offered, int start) {
      candidates = List.copyOf(offered);
      chosen = -1;
      wordStart = start;
    }

    /** Tab again: the next candidate ({@code step} -1: the previous), wrapping. */
    public Candidate choose(int step) {
      int n = candidates.size();
      chosen = chosen < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(chosen + step, n);
      return candidates.get(chosen);
    }

    /** The line changed otherwise: the candidates no longer apply. */
    public void forgetCandidates() {
      candidates = List.of();
      chosen = -1;
    }
  }

  /** Typing the table filter ({@code /}); Esc puts back what was there before. */
  final class Filter implements Overlay {
    private final LineEditor editor = new LineEditor();
    private final String before;

    public Filter(String before) {
      this.before = before;
      editor.set(before);
    }

    public LineEditor editor() {
      return editor;
    }

    /** The filter when the overlay opened. */
    public String before() {
      return before;
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

    private final Purpose purpose;
    private final int pane;
    private final LineEditor editor = new LineEditor();
    private final @Nullable LogQuery before;
    // UI thread only, the three below
    private boolean regex;
    private LogQuery.CaseMode caseMode = LogQuery.CaseMode.SMART;
    // what the pattern typed so far matches, or why it cannot be used
    private String status = "";

    /** A prompt for {@code pane}; the text starts as {@code before}'s, when there is one. */
    public LogPrompt(Purpose purpose, int pane, @Nullable LogQuery before) {
      this.purpose = purpose;
      this.pane = pane;
      this.before = before;
      if (before != null) {
        regex = before.regex();
        caseMode = before.caseMode();
        editor.set(before.text());
      }
    }

    public Purpose purpose() {
      return purpose;
    }

    public int pane() {
      return pane;
    }

    /** The pane's search or filter when the prompt opened (Esc puts it back). */
    public @Nullable LogQuery before() {
      return before;
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

    public void toggleRegex() {
      regex = !regex;
    }

    public void nextCaseMode() {
      caseMode = caseMode.next();
    }

    public void setStatus(String s) {
      status = s;
    }
  }

  /**
   * Copy mode in a log pane ({@code v}): a cursor line and the line where the selection started;
   * {@code y} copies the lines between them (as shown) to the clipboard.
   */
  final class CopyMode implements Overlay {
    private final int pane;
    // UI thread only, both: positions in the pane
    private long anchor;
    private long cursor;

    public CopyMode(int pane, long at) {
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

    public void moveTo(long pos) {
      cursor = pos;
    }

    /** The selection starts again at the cursor ({@code v}). */
    public void anchorHere() {
      anchor = cursor;
    }
  }
}
