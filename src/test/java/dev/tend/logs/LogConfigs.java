package dev.tend.logs;

import dev.tend.config.Autorestart;
import dev.tend.config.LogFileSpec;
import dev.tend.config.Origin;
import dev.tend.config.ProcessConfig;
import dev.tend.config.StreamConfig;
import dev.tend.platform.Signal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Config records for the logs tests: supervisord's defaults unless a test says otherwise. */
final class LogConfigs {
  private LogConfigs() {}

  /** A stream logged to {@code file} with supervisord's default rotation and nothing else. */
  static StreamConfig stream(LogFileSpec file) {
    return new StreamConfig(file, 50L * 1024 * 1024, 10, 0, false, false, false);
  }

  static StreamConfig stream(
      LogFileSpec file, long maxBytes, int backups, long captureMaxBytes, boolean events) {
    return new StreamConfig(file, maxBytes, backups, captureMaxBytes, events, false, false);
  }

  static StreamConfig withTimestamps(StreamConfig s) {
    return new StreamConfig(
        s.logfile(),
        s.logfileMaxbytes(),
        s.logfileBackups(),
        s.captureMaxbytes(),
        s.eventsEnabled(),
        s.syslog(),
        true);
  }

  static StreamConfig withSyslog(StreamConfig s) {
    return new StreamConfig(
        s.logfile(),
        s.logfileMaxbytes(),
        s.logfileBackups(),
        s.captureMaxbytes(),
        s.eventsEnabled(),
        true,
        s.timestamps());
  }

  static ProcessConfig process(String name, StreamConfig out, StreamConfig err, boolean redirect) {
    return new ProcessConfig(
        name,
        name,
        0,
        "/bin/true",
        null,
        null,
        999,
        true,
        Autorestart.UNEXPECTED,
        1,
        3,
        List.of(0),
        Signal.TERM,
        10,
        false,
        false,
        null,
        null,
        redirect,
        out,
        err,
        Map.of(),
        null,
        new Origin(Path.of("test.conf"), 1, "program:" + name),
        dev.tend.config.TendSettings.NONE);
  }

  static LogSettings settings(Path childlogdir) {
    return new LogSettings("supervisor", childlogdir, false, 64 * 1024, Clock.systemUTC());
  }
}
