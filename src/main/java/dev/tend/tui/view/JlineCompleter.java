package dev.tend.tui.view;

import dev.tend.tui.control.CommandCompleter;
import dev.tend.tui.control.CommandGrammar;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Completion for the {@code :} line through jline's machinery: its parser finds the word under the
 * cursor (quotes and escapes as in the ctl shell), a jline {@link Completer} over the command
 * grammar gives the candidates; the console draws them itself with lanterna.
 */
final class JlineCompleter implements CommandCompleter {
  private final DefaultParser parser = new DefaultParser();
  private final Completer completer;

  JlineCompleter(CommandGrammar grammar) {
    this.completer =
        (reader, line, candidates) -> {
          List<String> before = line.words().subList(0, line.wordIndex());
          String prefix = line.word().substring(0, line.wordCursor());
          for (dev.tend.tui.state.Candidate c : grammar.complete(before, prefix)) {
            candidates.add(
                new Candidate(c.value(), c.value(), null, c.description(), null, null, true));
          }
        };
  }

  @Override
  public Completion complete(String line, int cursor) {
    ParsedLine parsed = parser.parse(line, cursor, Parser.ParseContext.COMPLETE);
    List<Candidate> found = new ArrayList<>();
    completer.complete(null, parsed, found);
    int start = cursor - parsed.wordCursor();
    int end = start + parsed.word().length();
    List<dev.tend.tui.state.Candidate> out = new ArrayList<>();
    for (Candidate c : found) {
      out.add(new dev.tend.tui.state.Candidate(c.value(), c.descr() == null ? "" : c.descr()));
    }
    return new Completion(start, end, out);
  }
}
