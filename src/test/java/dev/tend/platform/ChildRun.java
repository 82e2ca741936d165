package dev.tend.platform;

import dev.tend.testing.Await;
import dev.tend.testing.RecordingOutputSink;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Test harness: one spawned child with recording sinks and its awaited exit. */
final class ChildRun {
  final RecordingOutputSink out = new RecordingOutputSink();
  final RecordingOutputSink err = new RecordingOutputSink();
  final AtomicReference<@Nullable ExitStatus> exit = new AtomicReference<>();
  final AtomicReference<String> outAtExit = new AtomicReference<>("");
  ChildProcess child;

  private ChildRun() {}

  /** A request for {@code argv} (argv[0] resolved with the test's PATH), stderr on its own pipe. */
  static Builder of(String... argv) {
    return new Builder(List.of(argv));
  }

  ExitStatus awaitExit() {
    return Await.value("exit of " + child.pid(), exit::get, e -> e != null);
  }

  static Map<String, String> baseEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LC_ALL", "C");
    return env;
  }

  static final class Builder {
    private final List<String> argv;
    private Path executable;
    private Map<String, String> env = baseEnvironment();
    private @Nullable Path directory;
    private @Nullable Integer umask;
    private @Nullable UserAccount user;
    private int stdinFd = -1;
    private boolean redirectStderr;

    private Builder(List<String> argv) {
      this.argv = argv;
      CommandResolver.Result r =
          new CommandResolver(List.of("/usr/local/bin", "/usr/bin", "/bin")).resolve(argv.get(0));
      this.executable = r instanceof CommandResolver.Found f ? f.file() : Path.of(argv.get(0));
    }

    Builder executable(Path file) {
      this.executable = file;
      return this;
    }

    Builder env(Map<String, String> environment) {
      this.env = environment;
      return this;
    }

    Builder directory(Path dir) {
      this.directory = dir;
      return this;
    }

    Builder umask(int mask) {
      this.umask = mask;
      return this;
    }

    Builder user(UserAccount account) {
      this.user = account;
      return this;
    }

    Builder stdinFd(int fd) {
      this.stdinFd = fd;
      return this;
    }

    Builder redirectStderr() {
      this.redirectStderr = true;
      return this;
    }

    SpawnRequest request(ChildRun run) {
      return new SpawnRequest(
          executable,
          argv,
          env,
          directory,
          umask,
          user,
          stdinFd,
          run.out,
          redirectStderr ? null : run.err,
          (pid, status) -> {
            run.outAtExit.set(run.out.text());
            run.exit.set(status);
          });
    }

    ChildRun start(ProcessLauncher launcher) throws SpawnException {
      ChildRun run = new ChildRun();
      run.child = launcher.spawn(request(run));
      return run;
    }
  }
}
