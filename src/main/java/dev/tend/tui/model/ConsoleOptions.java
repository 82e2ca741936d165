package dev.tend.tui.model;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the console is started: the mode and what it is attached to, read-only, where the user's
 * files are, the environment (colours, locale), the clock, and the buffer sizes. Immutable; {@code
 * with*} methods give changed copies.
 *
 * @param target what the header names: the server URL when attached, the config file when hosted
 * @param keysFile keys.conf, or null for none
 * @param preferencesFile where the theme choice is kept, or null to keep nothing
 * @param userThemes a folder of {@code *.theme} files, or null
 * @param env the environment ({@code NO_COLOR}, {@code TERM}, {@code COLORTERM}, {@code LANG})
 * @param logLines lines kept per log pane
 * @param maxLineChars longer lines are cut, with a marker saying how much
 * @param historyBytes how much of each log stream a pane shows when it opens
 * @param statsInterval how often CPU and memory are sampled
 */
public record ConsoleOptions(
    Mode mode,
    String target,
    boolean readOnly,
    String hostname,
    @Nullable Path keysFile,
    @Nullable Path preferencesFile,
    @Nullable Path userThemes,
    Map<String, String> env,
    Clock clock,
    ZoneId zone,
    int logLines,
    int maxLineChars,
    long historyBytes,
    Duration statsInterval) {

  /** Whether the console runs the supervisor itself or talks to one. */
  public enum Mode {
    /** The core runs in this process; quitting asks what to do with the programs. */
    HOSTED,
    /** Talking to a tend daemon or a supervisord; quitting only detaches. */
    ATTACHED
  }

  /** How the console ended, for the caller to act on. */
  public enum ExitChoice {
    /** Attached: the console went away, nothing else changed. */
    DETACH,
    /** Hosted: the user chose to stop every program before exiting. */
    STOP_PROGRAMS,
    /** Hosted: the user chose to leave the programs running without the console. */
    LEAVE_RUNNING
  }

  public ConsoleOptions {
    env = Map.copyOf(env);
    if (logLines < 100 || maxLineChars < 80 || historyBytes < 0) {
      throw new IllegalArgumentException(
          "log limits too small: logLines="
              + logLines
              + " maxLineChars="
              + maxLineChars
              + " historyBytes="
              + historyBytes);
    }
  }

  /**
   * The usual options: files under {@code $XDG_CONFIG_HOME/tend} (else {@code ~/.config/tend}), the
   * process environment, the system clock and zone, 10,000 lines per pane.
   */
  public static ConsoleOptions defaults(Mode mode, String target) {
    Map<String, String> env = System.getenv();
    Path dir = configDir(env);
    return new ConsoleOptions(
        mode,
        target,
        false,
        hostname(env),
        dir == null ? null : dir.resolve("keys.conf"),
        dir == null ? null : dir.resolve("console.conf"),
        dir == null ? null : dir.resolve("themes"),
        env,
        Clock.systemDefaultZone(),
        ZoneId.systemDefault(),
        10_000,
        4096,
        32 * 1024,
        Duration.ofSeconds(2));
  }

  /** {@code $XDG_CONFIG_HOME/tend} or {@code $HOME/.config/tend}; null without either. */
  public static @Nullable Path configDir(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "tend");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home", ""));
    return home.isBlank() ? null : Path.of(home, ".config", "tend");
  }

  /**
   * {@code $HOSTNAME}, else the kernel's name for the host; never a DNS lookup (which can hang for
   * seconds on a box with broken DNS, before the first frame).
   */
  private static String hostname(Map<String, String> env) {
    String h = env.get("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      String k = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      return k.isEmpty() ? "localhost" : k;
    } catch (java.io.IOException | RuntimeException e) {
      return "localhost";
    }
  }

  public ConsoleOptions withReadOnly(boolean ro) {
    return new ConsoleOptions(
        mode,
        target,
        ro,
        hostname,
        keysFile,
        preferencesFile,
        userThemes,
        env,
        clock,
        zone,
        logLines,
        maxLineChars,
        historyBytes,
        statsInterval);
  }

  /** Puts keys.conf, console.conf and themes/ under {@code dir} (null: none of them). */
  public ConsoleOptions withConfigDir(@Nullable Path dir) {
    return new ConsoleOptions(
        mode,
        target,
        readOnly,
        hostname,
        dir == null ? null : dir.resolve("keys.conf"),
        dir == null ? null : dir.resolve("console.conf"),
        dir == null ? null : dir.resolve("themes"),
        env,
        clock,
        zone,
        logLines,
        maxLineChars,
        historyBytes,
        statsInterval);
  }

  public ConsoleOptions withEnv(Map<String, String> e) {
    return new ConsoleOptions(
        mode,
        target,
        readOnly,
        hostname,
        keysFile,
        preferencesFile,
        userThemes,
        e,
        clock,
        zone,
        logLines,
        maxLineChars,
        historyBytes,
        statsInterval);
  }

  public ConsoleOptions withClock(Clock c, ZoneId z) {
    return new ConsoleOptions(
        mode,
        target,
        readOnly,
        hostname,
        keysFile,
        preferencesFile,
        userThemes,
        env,
        c,
        z,
        logLines,
        maxLineChars,
        historyBytes,
        statsInterval);
  }

  public ConsoleOptions withHostname(String h) {
    return new ConsoleOptions(
        mode,
        target,
        readOnly,
        h,
        keysFile,
        preferencesFile,
        userThemes,
        env,
        clock,
        zone,
        logLines,
        maxLineChars,
        historyBytes,
        statsInterval);
  }

  public ConsoleOptions withStatsInterval(Duration d) {
    return new ConsoleOptions(
        mode,
        target,
        readOnly,
        hostname,
        keysFile,
        preferencesFile,
        userThemes,
        env,
        clock,
        zone,
        logLines,
        maxLineChars,
        historyBytes,
        d);
  }

  /** Whether the terminal's locale is UTF-8 (else the console draws with ASCII only). */
  public boolean unicode() {
    String term = env.getOrDefault("TERM", "");
    if (term.startsWith("vt1") || term.startsWith("vt2") || term.equals("dumb")) {
      return false;
    }
    for (String key : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = env.get(key);
      if (v != null && !v.isEmpty()) {
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("utf-8") || lower.contains("utf8");
      }
    }
    return false;
  }
}
