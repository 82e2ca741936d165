package dev.tend.cli;

import dev.tend.api.ProcessInfo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * One command line run on several servers ({@code tend ctl -g web restart django}): a supervisorctl
 * session per server, all at once or one after the other ({@code --serial}), each line of a
 * server's output prefixed by its name ({@code web1 | django: stopped}); the exit status is the
 * highest any server's session had. {@code status} prints one table, the server in its first
 * column, once every server has answered. No one is asked anything (a login, y/N): with several
 * servers there is no single conversation to have.
 */
public final class EachServer {
  private static final String SEPARATOR = " | ";

  /** A server of the run: the name its lines carry, and how its session starts. */
  public record Server(String name, CtlSession.Settings settings) {}

  /**
   * @param serial one server at a time, in the order given
   * @param stopOnError with {@code serial}: no server after one whose status was not 0
   */
  public record Order(boolean serial, boolean stopOnError) {}

  private final List<Server> servers;
  private final Connector connector;
  private final UserInput input;
  private final PrintStream out;
  private final PrintStream err;
  private final int nameWidth;

  /**
   * @param input only for Ctrl-C ({@code tail -f} on every server ends at once); nothing is read
   */
  public EachServer(
      List<Server> servers,
      Connector connector,
      UserInput input,
      PrintStream out,
      PrintStream err) {
    this.servers = List.copyOf(servers);
    this.connector = connector;
    this.input = input;
    this.out = out;
    this.err = err;
    int w = 0;
    for (Server s : servers) {
      w = Math.max(w, PythonFormat.length(s.name()));
    }
    this.nameWidth = w;
  }

  /** Runs {@code line} on every server; returns the highest exit status. */
  public int run(String line, Order order) {
    List<@Nullable List<ProcessInfo>> rows = new ArrayList<>();
    int[] statuses = new int[servers.size()];
    for (int i = 0; i < servers.size(); i++) {
      rows.add(null);
    }
    if (order.serial()) {
      for (int i = 0; i < servers.size(); i++) {
        statuses[i] = runOne(i, line, rows);
        if (order.stopOnError() && statuses[i] != 0) {
          notRun(i, statuses[i]);
          break;
        }
      }
    } else {
      parallel(line, rows, statuses);
    }
    printStatusTable(rows);
    int worst = 0;
    for (int s : statuses) {
      worst = Math.max(worst, s);
    }
    return worst;
  }

  private void parallel(String line, List<@Nullable List<ProcessInfo>> rows, int[] statuses) {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < servers.size(); i++) {
        int index = i;
        runs.add(pool.submit(() -> runOne(index, line, rows)));
      }
      for (int i = 0; i < runs.size(); i++) {
        statuses[i] = join(runs.get(i));
      }
    }
  }

  private static int join(Future<Integer> run) {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Lsb.GENERIC;
    } catch (java.util.concurrent.ExecutionException e) {
      return Lsb.GENERIC;
    }
  }

  /** One server's session; its status rows, if it printed any, go to {@code rows}. */
  private int runOne(int index, String line, List<@Nullable List<ProcessInfo>> rows) {
    Server server = servers.get(index);
    byte[] prefix = prefix(server.name());
    PrefixingStream o = new PrefixingStream(out, prefix);
    PrefixingStream e = new PrefixingStream(err, prefix);
    try (PrintStream sessionOut = new PrintStream(o, false, StandardCharsets.UTF_8);
        PrintStream sessionErr = new PrintStream(e, false, StandardCharsets.UTF_8);
        CtlSession session =
            new CtlSession(
                server.settings(), connector, new Unasked(input), sessionOut, sessionErr)) {
      session.collectStatusRows(
          infos -> {
            synchronized (rows) {
              rows.set(index, infos);
            }
          });
      session.execute(line);
      return session.exitStatus();
    } catch (RuntimeException x) {
      // a verb's failure is printed by the session; anything else still belongs to this server
      byte[] text = ("error: " + x + "\n").getBytes(StandardCharsets.UTF_8);
      e.write(text, 0, text.length);
      return Lsb.GENERIC;
    }
  }

  private byte[] prefix(String name) {
    return (PythonFormat.padRight(name, nameWidth) + SEPARATOR).getBytes(StandardCharsets.UTF_8);
  }

  private void notRun(int failed, int status) {
    List<String> rest = new ArrayList<>();
    for (int i = failed + 1; i < servers.size(); i++) {
      rest.add(servers.get(i).name());
    }
    if (rest.isEmpty()) {
      return;
    }
    synchronized (err) {
      err.println(
          "tend ctl: "
              + servers.get(failed).name()
              + " ended with status "
              + status
              + "; not run on "
              + String.join(", ", rest)
              + " (--stop-on-error)");
      err.flush();
    }
  }

  /** The {@code status} rows of every server as one table, the server first. */
  private void printStatusTable(List<@Nullable List<ProcessInfo>> rows) {
    List<ProcessInfo> all = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    boolean colour = false;
    synchronized (rows) {
      for (int i = 0; i < rows.size(); i++) {
        List<ProcessInfo> r = rows.get(i);
        if (r != null) {
          all.addAll(r);
          for (int k = 0; k < r.size(); k++) {
            owners.add(servers.get(i).name());
          }
          colour |= servers.get(i).settings().colour();
        }
      }
    }
    if (all.isEmpty()) {
      return;
    }
    List<String> lines = StatusTable.lines(all, colour);
    synchronized (out) {
      for (int i = 0; i < lines.size(); i++) {
        out.println(PythonFormat.padRight(owners.get(i), nameWidth + 2) + lines.get(i));
      }
      out.flush();
    }
  }

  /** The user's input for Ctrl-C only: nothing is read, no one is asked. */
  private record Unasked(UserInput input) implements UserInput {
    @Override
    public @Nullable String readLine(String prompt) {
      return null;
    }

    @Override
    public @Nullable String readPassword(String prompt) {
      return null;
    }

    @Override
    public Registration onInterrupt(Runnable action) {
      return input.onInterrupt(action);
    }

    @Override
    public boolean isTerminal() {
      return false;
    }
  }
}
