package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import dev.tend.testing.Await;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A daemon started under nohup (HUP ignored, inherited) still reloads on HUP: the JVM keeps an
 * inherited SIG_IGN for its shutdown signals and would silently not install the handler.
 */
class SignalWatcherUnderNohupIT {
  @Test
  void anInheritedIgnoreOfHupDoesNotStopTheWatcherFromHandlingIt() {
    LibC.signal(Signal.HUP.number(), new Pointer(1)); // SIG_IGN, as nohup leaves it
    assertTrue(SignalWatcher.ignored(Signal.HUP), "the test starts with HUP ignored");
    AtomicInteger wakeups = new AtomicInteger();
    try (SignalWatcher watcher =
        SignalWatcher.install(List.of(Signal.HUP), wakeups::incrementAndGet)) {
      LibC.kill(ProcFs.selfPid(), Signal.HUP.number());
      Await.until("HUP handled", () -> wakeups.get() >= 1);
      assertEquals(List.of(Signal.HUP), watcher.drain());
    }
  }
}
