package dev.tend.tui.control;

import dev.tend.tui.state.Candidate;
import java.util.List;

/**
 * Finds the word under the cursor of a {@code :} line and the candidates for it (the view does this
 * with jline's parser and completer machinery over a {@link CommandGrammar}).
 */
public interface CommandCompleter {

  /** The word [start, end) of the line being completed, and what could replace it. */
  record Completion(int start, int end, List<Candidate> candidates) {
    public Completion {
      candidates = List.copyOf(candidates);
    }
  }

  Completion complete(String line, int cursor);
}
