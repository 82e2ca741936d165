package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern a log pane searches for ({@code /}) or filters by ({@code &}): literal text or a
 * regular expression, matched with smart case (case matters only when the text has an upper-case
 * letter, as in less -i and ripgrep -S), always, or never. Immutable; compiled once.
 */
public final class LogQuery {

  /** How letter case is matched. */
  public enum CaseMode {
    SMART("smart case"),
    SENSITIVE("case sensitive"),
    IGNORE("ignore case");

    private final String label;

    CaseMode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public CaseMode next() {
      return values()[(ordinal() + 1) % values().length];
    }
  }

  /** A match: characters [start, end) of a line. */
  public record Match(int start, int end) {}

  private final String text;
  private final boolean regex;
  private final CaseMode caseMode;
  private final Pattern pattern;

  private LogQuery(String text, boolean regex, CaseMode caseMode, Pattern pattern) {
    this.text = text;
    this.regex = regex;
    this.caseMode = caseMode;
    this.pattern = pattern;
  }

  /**
   * Compiles a query.
   *
   * @throws IllegalArgumentException naming the pattern and the problem when a regex is invalid or
   *     the text is empty
   */
  public static LogQuery of(String text, boolean regex, CaseMode caseMode) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an empty pattern matches every line");
    }
    boolean ignoreCase =
        switch (caseMode) {
          case SENSITIVE -> false;
          case IGNORE -> true;
          case SMART -> text.equals(text.toLowerCase(Locale.ROOT));
        };
    int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    try {
      Pattern p = Pattern.compile(regex ? text : Pattern.quote(text), flags);
      return new LogQuery(text, regex, caseMode, p);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "bad regex /" + text + "/: " + e.getDescription() + " near index " + e.getIndex(), e);
    }
  }

  public String text() {
    return text;
  }

  public boolean regex() {
    return regex;
  }

  public CaseMode caseMode() {
    return caseMode;
  }

  /** Whether the line has a match. */
  public boolean matches(CharSequence line) {
    return pattern.matcher(line).find();
  }

  /** The matches in a line, left to right, none empty (an empty regex match is skipped). */
  public List<Match> find(CharSequence line) {
    List<Match> out = new ArrayList<>(2);
    Matcher m = pattern.matcher(line);
    while (m.find()) {
      if (m.end() > m.start()) {
        out.add(new Match(m.start(), m.end()));
      }
    }
    return out;
  }

  /** How the pane title and the prompt show it: {@code /error/} or {@code "error"}, with flags. */
  public String describe() {
    String shown = regex ? "/" + text + "/" : "\"" + text + "\"";
    return caseMode == CaseMode.SMART ? shown : shown + " " + caseMode.label();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogQuery q
        && q.text.equals(text)
        && q.regex == regex
        && q.caseMode == caseMode;
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + (regex ? 1 : 0) + caseMode.ordinal() * 7;
  }

  @Override
  public String toString() {
    return describe();
  }
}
