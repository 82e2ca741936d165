package dev.tend.tui.feed;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi;
import dev.tend.tui.state.Target;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable update from a background thread to the UI thread (which owns the model). Feeds and
 * actions post these; they never touch the model themselves.
 */
public sealed interface ConsoleEvent {

  /** The server answered (again): what it is. */
  record Connected(SupervisorApi.Capabilities capabilities, String identification)
      implements ConsoleEvent {}

  /** Process changes. */
  record Changes(ChangeBatch batch) implements ConsoleEvent {}

  /** The server went away; the feed retries at {@code retryAt} (epoch millis). */
  record ConnectionLost(String reason, long retryAt) implements ConsoleEvent {}

  /** A CPU and memory sample. */
  record Stats(List<ProcessStats> sample) implements ConsoleEvent {
    public Stats {
      sample = List.copyOf(sample);
    }
  }

  /**
   * A person asked for these processes to be started or restarted: their next spawn is not the
   * supervisor's own restart (for a server that does not count restarts itself).
   */
  record SpawnAsked(Target target) implements ConsoleEvent {}

  /** An action finished. */
  record ActionDone(ActionRunner.Outcome outcome) implements ConsoleEvent {}

  /** Log lines wait in the inbox of this pane. */
  record LogReady(int pane) implements ConsoleEvent {}

  /** A process's configuration, for the details view (null with an error). */
  record DetailsLoaded(String namespec, @Nullable ConfigInfo config, @Nullable String error)
      implements ConsoleEvent {}

  /** Lines of a pane were written to a file (or could not be: {@code error}). */
  record TextWritten(Path file, int lines, Purpose purpose, @Nullable String error)
      implements ConsoleEvent {
    /** Why the file was written. */
    public enum Purpose {
      /** The user saved the pane ({@code S}). */
      SAVE,
      /** A temporary file for $PAGER ({@code o}). */
      PAGER
    }
  }

  /**
   * An event of one of several servers ({@code server} as the console names it), in that server's
   * own names: its link posts them so, the UI thread puts the server into the keys.
   */
  record FromServer(String server, ConsoleEvent event) implements ConsoleEvent {}

  /** Something to tell the user on the message line. */
  record Notice(String text, boolean error) implements ConsoleEvent {}
}
