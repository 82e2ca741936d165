package dev.tend.tui.feed;

import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.StreamKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The work the controller starts but does not do on the UI thread: API calls and file writes.
 * Results come back as {@link ConsoleEvent}s. Implemented by the link to the supervisor; tests
 * record.
 */
public interface ConsoleServices {

  /** Runs a confirmed process action; an {@link ConsoleEvent.ActionDone} follows. */
  void run(ProcessRequest request);

  /**
   * Makes {@code pane}'s inbox receive the logs of {@code namespecs}, history first; what the pane
   * followed before stops.
   */
  void follow(int pane, LogInbox inbox, List<String> namespecs);

  /**
   * Changes which processes {@code pane} follows: those it follows already go on without a seam,
   * new ones start from their history, the others stop.
   */
  void updateFollow(int pane, LogInbox inbox, List<String> namespecs);

  /**
   * Follows {@code namespecs} of {@code pane} again after their server came back, on from where the
   * pane's lines end: {@code seen} holds the last lines the pane has of each stream (oldest first),
   * and what the new follow's history repeats of them is left out. Other processes of the pane go
   * on untouched.
   */
  void resumeFollow(
      int pane, LogInbox inbox, List<String> namespecs, Map<StreamKey, List<String>> seen);

  /** Tries to reach {@code server} now instead of at its next try ("" with one server). */
  void reconnect(String server);

  /** Stops what {@code pane} followed. */
  void unfollow(int pane, LogInbox inbox);

  /** Fetches a process's configuration; a {@link ConsoleEvent.DetailsLoaded} follows. */
  void loadDetails(String namespec);

  /** Remembers the theme for next time. */
  void saveTheme(String name);

  /** Keeps the pane layout for next time (later calls win). */
  void saveLayout(Path file, String text);

  /**
   * Writes lines to {@code file}, or to a new private temporary file when null; a {@link
   * ConsoleEvent.TextWritten} follows.
   */
  void writeText(@Nullable Path file, List<String> lines, ConsoleEvent.TextWritten.Purpose purpose);

  /** Deletes a temporary file the console wrote (after the pager is done with it). */
  void deleteFile(Path file);
}
