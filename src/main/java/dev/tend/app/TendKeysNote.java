package dev.tend.app;

import dev.tend.config.EventListenerConfig;
import dev.tend.config.GroupConfig;
import dev.tend.config.LogFileSpec;
import dev.tend.config.ProcessConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.TendSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What {@code --check} says of tend's own keys (docs/CONFIG.md): their resolved values under each
 * process, and a warning per section that uses them, since supervisord reads the same file without
 * them (it ignores keys it does not know: the programs run, without dependencies, readiness, health
 * checks, backoff or log timestamps).
 */
final class TendKeysNote {
  private TendKeysNote() {}

  /** The rows of one process's tend settings, only those it sets. */
  static void rows(TendSettings t, BiConsumer<String, String> row) {
    if (!t.dependsOn().isEmpty()) {
      row.accept(
          "depends on", String.join(", ", t.dependsOn().stream().map(String::valueOf).toList()));
    }
    TendSettings.Readiness r = t.readiness();
    if (r != null) {
      row.accept(
          "ready when",
          r.probe().describe()
              + " (timeout "
              + r.timeoutSecs()
              + " s, every "
              + r.intervalSecs()
              + " s)");
    }
    TendSettings.Health h = t.health();
    if (h != null) {
      row.accept(
          "health",
          h.probe().describe()
              + " every "
              + h.intervalSecs()
              + " s (timeout "
              + h.timeoutSecs()
              + " s), "
              + h.retries()
              + " failures: "
              + h.action());
    }
    TendSettings.Backoff b = t.backoff();
    if (b != null) {
      row.accept(
          "backoff",
          b.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " from "
              + b.initialSecs()
              + " s to "
              + b.maxSecs()
              + " s, reset after "
              + b.resetAfterSecs()
              + " s up");
    }
  }

  /** One warning per section that sets a key only tend reads. */
  static List<String> warnings(SupervisorConfig config) {
    Map<String, List<String>> bySection = new LinkedHashMap<>();
    for (GroupConfig g : config.groups()) {
      for (ProcessConfig p : g.processes()) {
        List<String> keys = new ArrayList<>(p.tend().keysInUse());
        if (p.stdout().timestamps()) {
          keys.add("stdout_logfile_timestamps");
        }
        if (p.stderr().timestamps() && !(p.stderr().logfile() instanceof LogFileSpec.None)) {
          keys.add("stderr_logfile_timestamps");
        }
        EventListenerConfig listener = g.listener();
        if (listener != null && listener.events().stream().anyMatch(e -> e.startsWith("TEND"))) {
          keys.add("tend_events");
        }
        if (!keys.isEmpty()) {
          bySection.putIfAbsent(p.origin().section(), keys);
        }
      }
    }
    List<String> out = new ArrayList<>();
    bySection.forEach(
        (section, keys) ->
            out.add(
                "["
                    + section
                    + "] uses "
                    + String.join(", ", keys)
                    + ": only tend reads "
                    + (keys.size() == 1 ? "it" : "them")
                    + "; supervisord runs this file without "
                    + (keys.size() == 1 ? "it" : "them")));
    return out;
  }
}
