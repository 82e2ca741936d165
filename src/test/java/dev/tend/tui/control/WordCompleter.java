package dev.tend.tui.control;

import java.util.Arrays;
import java.util.List;

/** A completer that splits on spaces, for model tests (the console's own uses jline's parser). */
final class WordCompleter implements CommandCompleter {
  private final CommandGrammar grammar;

  WordCompleter(CommandGrammar grammar) {
    this.grammar = grammar;
  }

  @Override
  public Completion complete(String line, int cursor) {
    String upTo = line.substring(0, cursor);
    int start = upTo.lastIndexOf(' ') + 1;
    List<String> before =
        Arrays.stream(upTo.substring(0, start).split(" ")).filter(s -> !s.isEmpty()).toList();
    return new Completion(start, cursor, grammar.complete(before, upTo.substring(start)));
  }
}
