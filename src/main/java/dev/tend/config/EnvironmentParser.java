package dev.tend.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * supervisord 4.2.5's {@code environment=} parser ({@code dict_of_key_value_pairs}): Python's
 * legacy (non-POSIX) shlex with {@code /.+-():} added to the word characters, read as {@code KEY =
 * VALUE SEP KEY = VALUE ...}. Kept with its quirks: quotes around a value are stripped but cannot
 * be escaped, any single token counts as the separator ({@code A=1;B=2} parses), {@code #} drops
 * the rest of the line, and a character outside the word set ends a word.
 */
final class EnvironmentParser {
  private EnvironmentParser() {}

  static Map<String, String> parse(String text) throws InvalidValueException {
    List<String> tokens = new Lexer(text).tokens();
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i += 4) {
      if (i + 2 >= tokens.size() || !tokens.get(i + 1).equals("=")) {
        throw new InvalidValueException(
            "Unexpected end of key/value pairs in value '" + text + "'");
      }
      env.put(tokens.get(i), stripQuotes(tokens.get(i + 2)));
    }
    return env;
  }

  /** Python's {@code value.strip('\'"')}. */
  private static String stripQuotes(String v) {
    int start = 0;
    int end = v.length();
    while (start < end && (v.charAt(start) == '\'' || v.charAt(start) == '"')) {
      start++;
    }
    while (end > start && (v.charAt(end - 1) == '\'' || v.charAt(end - 1) == '"')) {
      end--;
    }
    return v.substring(start, end);
  }

  /** The non-POSIX shlex state machine, as Python's shlex.read_token runs it. */
  private static final class Lexer {
    private static final String WORD =
        "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-():";
    private static final char IN_WHITESPACE = ' ';
    private static final char IN_WORD = 'a';
    private static final char AT_END = 0;

    private final String text;
    private int pos; // next character to read
    private char state = IN_WHITESPACE; // ' ', 'a', a quote character, or AT_END
    private final Deque<String> pushback = new ArrayDeque<>(); // tokens given back

    Lexer(String text) {
      this.text = text;
    }

    List<String> tokens() throws InvalidValueException {
      List<String> tokens = new ArrayList<>();
      while (true) {
        String token = pushback.isEmpty() ? readToken() : pushback.removeFirst();
        if (token.isEmpty()) {
          return tokens;
        }
        tokens.add(token);
      }
    }

    private String readToken() throws InvalidValueException {
      StringBuilder token = new StringBuilder();
      while (state != AT_END) {
        int c = pos < text.length() ? text.charAt(pos++) : -1;
        if (state == IN_WHITESPACE) {
          if (c < 0) {
            state = AT_END;
          } else if (isWhitespace(c)) {
            if (!token.isEmpty()) {
              break;
            }
          } else if (c == '#') {
            skipLine();
          } else if (WORD.indexOf(c) >= 0) {
            token.append((char) c);
            state = IN_WORD;
          } else if (c == '\'' || c == '"') {
            token.append((char) c);
            state = (char) c;
          } else {
            token.append((char) c);
            break;
          }
        } else if (state == IN_WORD) {
          if (c < 0) {
            state = AT_END;
          } else if (isWhitespace(c)) {
            state = IN_WHITESPACE;
            if (!token.isEmpty()) {
              break;
            }
          } else if (c == '#') {
            skipLine(); // non-POSIX shlex stays inside the word
          } else if (WORD.indexOf(c) >= 0 || c == '\'' || c == '"') {
            token.append((char) c);
          } else {
            pushback.addFirst(String.valueOf((char) c));
            state = IN_WHITESPACE;
            if (!token.isEmpty()) {
              break;
            }
          }
        } else {
          if (c < 0) {
            throw new InvalidValueException("No closing quotation");
          }
          token.append((char) c);
          if (c == state) {
            state = IN_WHITESPACE;
            break;
          }
        }
      }
      return token.toString();
    }

    private void skipLine() {
      int nl = text.indexOf('\n', pos);
      pos = nl < 0 ? text.length() : nl + 1;
    }

    private static boolean isWhitespace(int c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
  }
}
