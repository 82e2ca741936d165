package dev.tend.tui.view;

import dev.tend.api.ConfigInfo;
import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessStats;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.Signals;
import dev.tend.tui.text.Durations;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the details overlay ({@code d}) shows about a process, as label and value lines. */
public final class DetailsSheet {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** One line of the sheet. */
  public record Field(String label, String value) {}

  private DetailsSheet() {}

  public static List<Field> of(
      ProcessRow row, Overlay.@Nullable Details loaded, ZoneId zone, long nowSeconds) {
    ProcessInfo i = row.info();
    List<Field> f = new ArrayList<>();
    f.add(new Field("name", row.namespec()));
    String reason = row.reason();
    f.add(new Field("state", i.state().name() + (reason.isEmpty() ? "" : " (" + reason + ")")));
    health(f, i.health(), zone, nowSeconds);
    if (!i.dependsOn().isEmpty()) {
      f.add(new Field("depends on", String.join(", ", i.dependsOn())));
    }
    if (i.pid() > 0) {
      f.add(new Field("pid", Integer.toString(i.pid())));
      long up = row.uptimeSeconds(nowSeconds);
      f.add(new Field("uptime", up < 0 ? "-" : Durations.compact(up)));
    }
    if (i.start() > 0) {
      f.add(new Field("started", when(i.start(), zone)));
    }
    if (i.stop() > 0) {
      f.add(new Field("stopped", when(i.stop(), zone)));
    }
    String restarts = Integer.toString(row.restarts());
    if (row.lastRestartAt() > 0) {
      restarts += ", last " + Durations.coarse(nowSeconds - row.lastRestartAt()) + " ago";
    }
    if (i.restarts() < 0) {
      restarts += " (seen by this console)";
    }
    f.add(new Field("restarts", restarts));
    if (!i.spawnerr().isEmpty()) {
      f.add(new Field("spawn error", i.spawnerr()));
    }
    f.add(new Field("description", i.description()));
    ProcessStats s = row.stats();
    if (s != null) {
      f.add(
          new Field(
              "resources",
              String.format(
                  Locale.ROOT,
                  "%.1f%% CPU, %s RSS, %d process%s",
                  s.cpuPercent(),
                  Durations.bytes(s.rssBytes()),
                  s.processCount(),
                  s.processCount() == 1 ? "" : "es")));
    }
    config(f, loaded);
    return f;
  }

  /**
   * tend's last health check, {@code unhealthy: HTTP 503 (3 failed in a row)}, and when it was
   * taken, {@code 14:03:15 (12s ago)}; nothing without a check.
   */
  private static void health(List<Field> f, Health h, ZoneId zone, long nowSeconds) {
    if (h.status() == Health.Status.NONE) {
      return;
    }
    String said = h.message().isEmpty() ? "" : ": " + h.message();
    String failed = h.failures() > 0 ? " (" + h.failures() + " failed in a row)" : "";
    f.add(new Field("health", h.status().word() + said + failed));
    if (h.checked() > 0) {
      String at = LocalDateTime.ofInstant(Instant.ofEpochSecond(h.checked()), zone).format(CLOCK);
      f.add(new Field("checked", at + " (" + Durations.coarse(nowSeconds - h.checked()) + " ago)"));
    }
  }

  private static void config(List<Field> f, Overlay.@Nullable Details loaded) {
    if (loaded == null || loaded.loading()) {
      f.add(new Field("configuration", "loading..."));
      return;
    }
    ConfigInfo c = loaded.config();
    if (c == null) {
      String e = loaded.error();
      f.add(new Field("configuration", e == null ? "not available" : e));
      return;
    }
    f.add(new Field("command", c.command()));
    f.add(new Field("directory", c.directory() == null ? "(supervisor's)" : c.directory()));
    f.add(new Field("user", c.uid() == null ? "(supervisor's)" : "uid " + c.uid()));
    f.add(new Field("autostart", Boolean.toString(c.autostart())));
    f.add(new Field("start", "startsecs " + c.startsecs() + ", startretries " + c.startretries()));
    f.add(
        new Field(
            "stop",
            Signals.describe(c.stopsignal())
                + ", stopwaitsecs "
                + c.stopwaitsecs()
                + (c.killasgroup() ? ", killasgroup" : "")));
    f.add(
        new Field(
            "exit codes",
            c.exitcodes().stream().map(String::valueOf).collect(Collectors.joining(","))));
    f.add(new Field("priority", "group " + c.groupPrio() + ", process " + c.processPrio()));
    f.add(new Field("stdout log", c.stdout().logfile()));
    f.add(
        new Field(
            "stderr log", c.redirectStderr() ? "(redirected to stdout)" : c.stderr().logfile()));
  }

  private static String when(long epochSeconds, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone).format(WHEN);
  }
}
