package dev.tend.tui.view;

import dev.tend.platform.ChildProcess;
import dev.tend.platform.ExitStatus;
import dev.tend.platform.NativeProcessLauncher;
import dev.tend.platform.OutputSink;
import dev.tend.platform.Signal;
import dev.tend.platform.SpawnException;
import dev.tend.platform.SpawnRequest;
import dev.tend.platform.Tty;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The clipboard and the pager on tend's own terminal. The pager runs like a shell job: {@code sh -c
 * '$PAGER "$1"'} (default {@code less}) started through the platform (no ProcessBuilder: see
 * ARCHITECTURE decision 3) in its own process group, which is put in the terminal's foreground, so
 * it alone reads keys and gets Ctrl-C; the console stops reading keys, leaves the alternate screen
 * and puts the terminal settings back meanwhile, and takes everything back when the pager exits.
 */
final class TtyAccess implements TerminalAccess, AutoCloseable {
  private static final Path SH = Path.of("/bin/sh");

  private final TtyTerminal terminal;
  private final Map<String, String> env;
  // UI thread only: opened on the first page, closed with the console
  private @Nullable NativeProcessLauncher launcher;

  TtyAccess(TtyTerminal terminal, Map<String, String> env) {
    this.terminal = terminal;
    this.env = Map.copyOf(env);
  }

  @Override
  public @Nullable String copy(String text) throws IOException {
    terminal.writeRaw(Osc52.escape(text, env));
    return null;
  }

  @Override
  public @Nullable String page(Path file) throws IOException {
    String pager = env.getOrDefault("PAGER", "").strip();
    if (pager.isEmpty()) {
      pager = "less";
    }
    NativeProcessLauncher l = launcher;
    if (l == null) {
      l = NativeProcessLauncher.open();
      launcher = l;
    }
    int fd = terminal.inputFd();
    int console = Tty.foregroundGroup(fd);
    CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    terminal.suspend();
    try {
      ChildProcess child = l.spawn(request(pager, file, exit));
      try {
        Tty.setForegroundGroup(fd, child.pid()); // its own group, named after it
      } catch (IOException e) {
        child.signal(Signal.KILL, true);
        exit.get();
        return "cannot give the terminal to the pager: " + e.getMessage();
      }
      child.signal(Signal.CONT, true); // it may have stopped on the terminal before it had it
      ExitStatus status = exit.get();
      return status.code() == 0 && !status.wasSignalled()
          ? null
          : "the pager ("
              + pager
              + ") ended with "
              + status.describe()
              + (status.code() == 127 ? ": is it installed? ($PAGER chooses another)" : "");
    } catch (SpawnException e) {
      return "cannot start the pager: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while the pager ran";
    } catch (ExecutionException e) {
      return "the pager failed: " + e.getCause();
    } finally {
      Tty.setForegroundGroup(fd, console);
      terminal.resume();
    }
  }

  private SpawnRequest request(String pager, Path file, CompletableFuture<ExitStatus> exit) {
    String script = pager + " \"$1\" </dev/tty >/dev/tty 2>&1";
    return new SpawnRequest(
        SH,
        List.of("sh", "-c", script, "tend-pager", file.toString()),
        env,
        null,
        null,
        null,
        -1,
        DISCARD,
        null,
        (pid, status) -> exit.complete(status));
  }

  private static final OutputSink DISCARD =
      new OutputSink() {
        @Override
        public void onData(ByteBuffer data) {
          data.position(data.limit());
        }

        @Override
        public void onEof() {}
      };

  @Override
  public void close() {
    NativeProcessLauncher l = launcher;
    if (l != null) {
      l.close();
    }
  }
}
