package dev.tend.logs;

import dev.tend.config.SupervisordConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the {@code [supervisord]} section says about child logs, plus tend's own knobs.
 *
 * @param identifier names AUTO files ({@code web-stdout---<identifier>-XXXXXXXX.log})
 * @param childlogdir where AUTO files are made
 * @param stripAnsi supervisord's {@code strip_ansi}
 * @param tailCapacity bytes each stream keeps in memory (grown lazily)
 * @param clock the time of {@code *_logfile_timestamps} prefixes (its zone is the one shown)
 */
public record LogSettings(
    String identifier, Path childlogdir, boolean stripAnsi, int tailCapacity, Clock clock) {

  public LogSettings {
    if (tailCapacity <= 0) {
      throw new IllegalArgumentException("tail capacity must be > 0, got " + tailCapacity);
    }
  }

  /** The settings of a daemon's config, with a 64 KiB tail per stream and the system clock. */
  public static LogSettings of(SupervisordConfig config) {
    return new LogSettings(
        config.identifier(),
        config.childlogdir(),
        config.stripAnsi(),
        TailBuffer.DEFAULT_CAPACITY,
        Clock.systemDefaultZone());
  }

  public LogSettings withTailCapacity(int capacity) {
    return new LogSettings(identifier, childlogdir, stripAnsi, capacity, clock);
  }

  public LogSettings withClock(Clock c) {
    return new LogSettings(identifier, childlogdir, stripAnsi, tailCapacity, c);
  }
}
