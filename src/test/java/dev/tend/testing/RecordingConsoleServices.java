package dev.tend.testing;

import dev.tend.tui.model.ConsoleServices;
import dev.tend.tui.model.LogInbox;
import dev.tend.tui.model.ProcessRequest;
import java.util.ArrayList;
import java.util.List;

/** Records what the console's controller asked for, doing none of it. */
public final class RecordingConsoleServices implements ConsoleServices {
  // guarded by this
  private final List<String> calls = new ArrayList<>();
  // guarded by this
  private final List<ProcessRequest> runs = new ArrayList<>();

  @Override
  public synchronized void run(ProcessRequest request) {
    runs.add(request);
    calls.add("run " + request.describe());
  }

  @Override
  public synchronized void follow(int pane, LogInbox inbox, String namespec) {
    calls.add("follow " + pane + " " + namespec);
  }

  @Override
  public synchronized void unfollow(int pane, LogInbox inbox) {
    calls.add("unfollow " + pane);
  }

  @Override
  public synchronized void loadDetails(String namespec) {
    calls.add("details " + namespec);
  }

  @Override
  public synchronized void saveTheme(String name) {
    calls.add("theme " + name);
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<ProcessRequest> runs() {
    return List.copyOf(runs);
  }
}
