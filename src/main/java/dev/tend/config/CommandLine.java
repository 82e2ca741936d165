package dev.tend.config;

import dev.tend.api.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command=} into an argv the way supervisord does at spawn time: Python's {@code
 * shlex.split} (POSIX mode). Single and double quotes group, a backslash escapes the next character
 * (inside double quotes only {@code "} and {@code \}), and there is no shell: no variables, globs,
 * pipes or redirections.
 */
public final class CommandLine {
  private CommandLine() {}

  /**
   * The argv of a command.
   *
   * @throws BadCommandException with supervisord's message when quotes do not close, a backslash
   *     ends the text, or there is no word at all
   */
  public static List<String> split(String command) throws BadCommandException {
    List<String> argv;
    try {
      argv = new Splitter(command).split();
    } catch (IllegalArgumentException e) {
      throw new BadCommandException(
          "can't parse command " + PythonText.repr(command) + ": " + e.getMessage());
    }
    if (argv.isEmpty()) {
      throw new BadCommandException("command is empty");
    }
    return List.copyOf(argv);
  }

  /** Python's POSIX shlex with whitespace_split and no comments. */
  private static final class Splitter {
    private static final int BETWEEN = ' ';
    private static final int IN_WORD = 'a';
    private static final int ESCAPE = '\\';

    private final String text;
    private int pos; // next character to read

    Splitter(String text) {
      this.text = text;
    }

    List<String> split() {
      List<String> words = new ArrayList<>();
      int state = BETWEEN;
      int escapedFrom = IN_WORD; // the state an escape returns to
      StringBuilder word = new StringBuilder();
      boolean quoted = false; // an empty word counts when it had quotes ('' is an argument)
      while (true) {
        int c = pos < text.length() ? text.charAt(pos++) : -1;
        if (state == ESCAPE) {
          if (c < 0) {
            throw new IllegalArgumentException("No escaped character");
          }
          if ((escapedFrom == '"' || escapedFrom == '\'') && c != ESCAPE && c != escapedFrom) {
            word.append('\\');
          }
          word.append((char) c);
          state = escapedFrom;
        } else if (state == '\'' || state == '"') {
          quoted = true;
          if (c < 0) {
            throw new IllegalArgumentException("No closing quotation");
          } else if (c == state) {
            state = IN_WORD;
          } else if (c == '\\' && state == '"') {
            escapedFrom = state;
            state = ESCAPE;
          } else {
            word.append((char) c);
          }
        } else if (c < 0 || isWhitespace(c)) {
          if (!word.isEmpty() || quoted) {
            words.add(word.toString());
            word.setLength(0);
            quoted = false;
          }
          if (c < 0) {
            return words;
          }
          state = BETWEEN;
        } else if (c == '\'' || c == '"') {
          state = c;
        } else if (c == '\\') {
          escapedFrom = IN_WORD;
          state = ESCAPE;
        } else {
          word.append((char) c);
          state = IN_WORD;
        }
      }
    }

    private static boolean isWhitespace(int c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
  }
}
