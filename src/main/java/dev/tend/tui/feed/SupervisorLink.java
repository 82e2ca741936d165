package dev.tend.tui.feed;

import dev.tend.api.ConfigInfo;
import dev.tend.api.ProcessInfo;
import dev.tend.api.SupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.StreamKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Everything the console does with the supervisor, off the UI thread: the change feed (its own
 * thread), the stats sampler (every {@code statsInterval}, when the server samples), process
 * actions on a small pool, log follows on one thread, and file writes (preferences, the layout,
 * saved panes) on another, in order. Results are posted to the {@link EventSink}; nothing here
 * touches the model. Threads are daemons named {@code tend-console-*}.
 */
public final class SupervisorLink implements ConsoleServices, AutoCloseable {
  private static final Duration WAIT_TIMEOUT = Duration.ofSeconds(25);

  private final SupervisorApi api;
  private final ConsoleOptions options;
  private final EventSink sink;
  private final ActionRunner runner;
  private final ChangeFeed changes;
  private final Thread changeThread;
  private final ScheduledExecutorService stats;
  private final ExecutorService actions;
  private final ExecutorService files;
  private final LogFollower logs;

  public SupervisorLink(SupervisorApi api, ConsoleOptions options, EventSink sink) {
    this(api, options, sink, "");
  }

  /**
   * The link to one of several servers, named {@code server} in the console: its log lines name
   * their process {@code namespec@server}; everything else it is given and posts is in the server's
   * own names.
   */
  public SupervisorLink(SupervisorApi api, ConsoleOptions options, EventSink sink, String server) {
    this.api = api;
    this.options = options;
    this.sink = sink;
    this.runner = new ActionRunner(api);
    this.stats = Executors.newSingleThreadScheduledExecutor(threads("stats"));
    this.changes = new ChangeFeed(api, sink, options.clock(), WAIT_TIMEOUT, this::sampleStatsSoon);
    this.changeThread = threads("changes").newThread(changes);
    this.actions = Executors.newFixedThreadPool(3, threads("action"));
    this.files = Executors.newSingleThreadExecutor(threads("files"));
    this.logs =
        new LogFollower(
            api,
            Executors.newSingleThreadExecutor(threads("logs")),
            options.clock(),
            options.maxLineChars(),
            options.historyBytes(),
            server);
  }

  /** Starts the feeds. */
  public void start() {
    changeThread.start();
    long every = options.statsInterval().toMillis();
    stats.scheduleWithFixedDelay(this::sampleStats, every, every, TimeUnit.MILLISECONDS);
  }

  /** A first sample as soon as the server answers, not a whole interval later. */
  private void sampleStatsSoon() {
    try {
      stats.execute(this::sampleStats);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private void sampleStats() {
    SupervisorApi.Capabilities caps = changes.capabilities();
    if (!changes.connected() || caps == null || !caps.processStats()) {
      return;
    }
    try {
      sink.post(new ConsoleEvent.Stats(api.getProcessStats()));
    } catch (RuntimeException e) {
      // the change feed reports a lost server; a failed sample just leaves the old numbers
    }
  }

  @Override
  public void run(ProcessRequest request) {
    ProcessRequest.Verb verb = request.verb();
    if (verb == ProcessRequest.Verb.START || verb == ProcessRequest.Verb.RESTART) {
      // posted before the action runs, so it comes before any change the action causes
      sink.post(new ConsoleEvent.SpawnAsked(request.target()));
    }
    actions.execute(() -> sink.post(new ConsoleEvent.ActionDone(runner.run(request))));
  }

  @Override
  public void follow(int pane, LogInbox inbox, List<String> namespecs) {
    logs.follow(pane, inbox, namespecs);
  }

  @Override
  public void updateFollow(int pane, LogInbox inbox, List<String> namespecs) {
    logs.update(pane, inbox, namespecs);
  }

  @Override
  public void resumeFollow(
      int pane, LogInbox inbox, List<String> namespecs, Map<StreamKey, List<String>> seen) {
    logs.resume(pane, inbox, namespecs, seen);
  }

  @Override
  public void reconnect(String server) {
    changes.retryNow();
  }

  @Override
  public void unfollow(int pane, LogInbox inbox) {
    logs.stop(pane, inbox);
  }

  /** This server's part of a pane's follows, under a generation the caller started. */
  void followAs(int pane, LogInbox inbox, long generation, List<String> namespecs) {
    logs.followAs(pane, inbox, generation, namespecs);
  }

  @Override
  public void loadDetails(String namespec) {
    actions.execute(
        () -> {
          try {
            @Nullable ConfigInfo found = null;
            for (ConfigInfo c : api.getAllConfigInfo()) {
              if (ProcessInfo.namespec(c.group(), c.name()).equals(namespec)) {
                found = c;
              }
            }
            sink.post(
                new ConsoleEvent.DetailsLoaded(
                    namespec, found, found == null ? "no configuration for " + namespec : null));
          } catch (RuntimeException e) {
            sink.post(new ConsoleEvent.DetailsLoaded(namespec, null, FaultWords.of(e)));
          }
        });
  }

  @Override
  public void saveTheme(String name) {
    Path file = options.preferencesFile();
    if (file == null) {
      return;
    }
    onFiles(
        () -> {
          try {
            ConsolePreferences.write(file, "theme", name);
          } catch (IOException | RuntimeException e) {
            sink.post(
                new ConsoleEvent.Notice(
                    "cannot save the theme in " + file + ": " + e.getMessage(), true));
          }
        });
  }

  @Override
  public void saveLayout(Path file, String text) {
    onFiles(
        () -> {
          try {
            ConsolePreferences.replace(file, text);
          } catch (IOException | RuntimeException e) {
            sink.post(
                new ConsoleEvent.Notice(
                    "cannot keep the pane layout in " + file + ": " + e.getMessage(), true));
          }
        });
  }

  @Override
  public void writeText(
      @Nullable Path file, List<String> lines, ConsoleEvent.TextWritten.Purpose purpose) {
    List<String> copy = List.copyOf(lines);
    onFiles(() -> sink.post(PaneFiles.write(file, copy, purpose)));
  }

  @Override
  public void deleteFile(Path file) {
    onFiles(
        () -> {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            // a temporary file in the temporary folder: the system cleans it up eventually
          }
        });
  }

  private void onFiles(Runnable task) {
    try {
      files.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  /** Stops every thread; does not wait for a call that is stuck on the network. */
  @Override
  public void close() {
    changes.stop();
    changeThread.interrupt();
    stats.shutdownNow();
    actions.shutdown();
    files.shutdown();
    logs.close();
  }

  private static ThreadFactory threads(String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t =
          new Thread(
              r, "tend-console-" + role + (role.equals("action") ? "-" + n.incrementAndGet() : ""));
      t.setDaemon(true);
      return t;
    };
  }
}
