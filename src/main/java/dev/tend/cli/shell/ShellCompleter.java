package dev.tend.cli.shell;

import dev.tend.cli.Completion;
import dev.tend.cli.CtlSession;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jspecify.annotations.Nullable;

/** Tab completion through {@link Completion}: verbs, then group or process names per verb. */
final class ShellCompleter implements Completer {
  private volatile @Nullable CtlSession session; // set once the shell runs

  void attach(CtlSession s) {
    session = s;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    CtlSession session = this.session;
    if (session == null) {
      return;
    }
    String upToCursor = line.line().substring(0, line.cursor());
    String word = line.word().substring(0, line.wordCursor());
    for (String c : Completion.candidates(session, upToCursor, word)) {
      String value = c.endsWith(" ") ? c.substring(0, c.length() - 1) : c;
      candidates.add(new Candidate(value, value, null, null, null, null, true));
    }
  }
}
