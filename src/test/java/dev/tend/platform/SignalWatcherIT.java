package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Signals sent to this JVM reach the watcher, coalesced; QUIT stays the JVM's. */
class SignalWatcherIT {
  @Test
  void handlesAndCoalescesSignalsAndReportsWhatTheJvmRefuses() {
    AtomicInteger wakeups = new AtomicInteger();
    try (SignalWatcher watcher =
        SignalWatcher.install(
            List.of(Signal.HUP, Signal.USR2, Signal.CHLD, Signal.QUIT), wakeups::incrementAndGet)) {
      assertEquals(Set.of(Signal.HUP, Signal.USR2, Signal.CHLD), watcher.installed());
      assertTrue(
          watcher.refused().get(Signal.QUIT).contains("SIGQUIT"), watcher.refused().toString());

      // one at a time: the kernel itself merges a signal sent while the same one is pending
      int self = ProcFs.selfPid();
      int n = 0;
      for (Signal s : List.of(Signal.USR2, Signal.HUP, Signal.HUP, Signal.USR2)) {
        LibC.kill(self, s.number());
        int handled = ++n;
        Await.until(s + " number " + handled + " handled", () -> wakeups.get() >= handled);
      }
      List<Signal> drained = new ArrayList<>(watcher.drain());
      assertEquals(List.of(Signal.USR2, Signal.HUP), drained, "each pending signal once");
      assertEquals(List.of(), watcher.drain());
    }
  }
}
