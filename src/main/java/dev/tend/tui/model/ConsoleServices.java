package dev.tend.tui.model;

/**
 * The work the controller starts but does not do on the UI thread: API calls and file writes.
 * Results come back as {@link ConsoleEvent}s. Implemented by {@link SupervisorLink}; tests record.
 */
public interface ConsoleServices {

  /** Runs a confirmed process action; an {@link ConsoleEvent.ActionDone} follows. */
  void run(ProcessRequest request);

  /** Makes {@code pane}'s inbox receive {@code namespec}'s log, history first. */
  void follow(int pane, LogInbox inbox, String namespec);

  /** Stops what {@code pane} followed. */
  void unfollow(int pane, LogInbox inbox);

  /** Fetches a process's configuration; a {@link ConsoleEvent.DetailsLoaded} follows. */
  void loadDetails(String namespec);

  /** Remembers the theme for next time. */
  void saveTheme(String name);
}
