package dev.tend.testing;

import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.feed.LogInbox;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.StreamKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Records what the console's controller asked for, doing none of it. */
public final class RecordingConsoleServices implements ConsoleServices {
  // guarded by this
  private final List<String> calls = new ArrayList<>();
  // guarded by this
  private final List<ProcessRequest> runs = new ArrayList<>();
  // guarded by this: the text of each writeText, in order
  private final List<List<String>> written = new ArrayList<>();
  // guarded by this: the text of the last saveLayout
  private String layout = "";
  // guarded by this: the inbox each pane was last told to follow into
  private final Map<Integer, LogInbox> inboxes = new HashMap<>();

  @Override
  public synchronized void run(ProcessRequest request) {
    runs.add(request);
    calls.add("run " + request.describe());
  }

  @Override
  public synchronized void follow(int pane, LogInbox inbox, List<String> namespecs) {
    inboxes.put(pane, inbox);
    calls.add("follow " + pane + " " + String.join(" ", namespecs));
  }

  @Override
  public synchronized void updateFollow(int pane, LogInbox inbox, List<String> namespecs) {
    calls.add("update " + pane + " " + String.join(" ", namespecs));
  }

  @Override
  public synchronized void resumeFollow(
      int pane, LogInbox inbox, List<String> namespecs, Map<StreamKey, List<String>> seen) {
    calls.add("resume " + pane + " " + namespecs);
  }

  @Override
  public synchronized void reconnect(String server) {
    calls.add("reconnect " + server);
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

  @Override
  public synchronized void saveLayout(Path file, String text) {
    layout = text;
  }

  @Override
  public synchronized void writeText(
      @Nullable Path file, List<String> lines, ConsoleEvent.TextWritten.Purpose purpose) {
    calls.add("write " + purpose + " " + (file == null ? "(temporary)" : file));
    written.add(List.copyOf(lines));
  }

  @Override
  public synchronized void deleteFile(Path file) {
    calls.add("delete " + file);
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<ProcessRequest> runs() {
    return List.copyOf(runs);
  }

  /** The lines of every writeText, in order. */
  public synchronized List<List<String>> written() {
    return List.copyOf(written);
  }

  /** The inbox a pane's lines go to, as a follower would be handed it. */
  public synchronized LogInbox inbox(int pane) {
    return Objects.requireNonNull(inboxes.get(pane), "no follow for pane " + pane);
  }

  /** The layout last handed over to be kept ("" for none). */
  public synchronized String layout() {
    return layout;
  }
}
