package dev.tend.testing;

import dev.tend.platform.NetworkChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Network checks that touch no network: each check waits until the test answers it. Single thread
 * (the test's, which is also the manual loop's).
 */
public final class FakeNetworkChecks implements NetworkChecks {

  /** A check asked for; {@code path} is null for a TCP connect. */
  public record Asked(
      String host, int port, @Nullable String path, long timeoutMillis, Consumer<Outcome> done) {}

  private final List<Asked> pending = new ArrayList<>();
  private int asked;

  @Override
  public void connect(String host, int port, long timeoutMillis, Consumer<Outcome> done) {
    pending.add(new Asked(host, port, null, timeoutMillis, done));
    asked++;
  }

  @Override
  public void httpGet(
      String host, int port, String path, long timeoutMillis, Consumer<Outcome> done) {
    pending.add(new Asked(host, port, path, timeoutMillis, done));
    asked++;
  }

  /** Checks asked for and not answered yet, oldest first. */
  public List<Asked> pending() {
    return List.copyOf(pending);
  }

  /** How many checks were asked for in all. */
  public int asked() {
    return asked;
  }

  /** Answers the oldest pending check (the loop must then run to see it). */
  public Asked answer(boolean ok, String message) {
    if (pending.isEmpty()) {
      throw new AssertionError("no network check is pending");
    }
    Asked a = pending.remove(0);
    a.done().accept(new Outcome(ok, message));
    return a;
  }

  @Override
  public void close() {}
}
