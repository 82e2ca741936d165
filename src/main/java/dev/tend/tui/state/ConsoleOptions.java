package dev.tend.tui.state;

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
 * @param stateKey what the saved pane layout is kept under: the config file's absolute path, or the
 *     server URL
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
    Duration statsInterval,
    String stateKey) {

  /** Whether the console started the supervisor it talks to, or found it running. */
  public enum Mode {
    /**
     * Nothing answered at the config's server, so the console started {@code tend daemon} on it in
     * the background and talks to that; quitting asks what to do with the programs.
     */
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

  /** The most lines a pane may keep (a search walks them all on a key press). */
  public static final int MAX_LOG_LINES = 200_000;

  public ConsoleOptions {
    env = Map.copyOf(env);
    if (logLines < 100 || logLines > MAX_LOG_LINES || maxLineChars < 80 || historyBytes < 0) {
      throw new IllegalArgumentException(
          "log limits out of range: logLines="
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
        Duration.ofSeconds(2),
        target);
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
    return edit(e -> e.readOnly = ro);
  }

  /** Puts keys.conf, console.conf and themes/ under {@code dir} (null: none of them). */
  public ConsoleOptions withConfigDir(@Nullable Path dir) {
    return edit(
        e -> {
          e.keysFile = dir == null ? null : dir.resolve("keys.conf");
          e.preferencesFile = dir == null ? null : dir.resolve("console.conf");
          e.userThemes = dir == null ? null : dir.resolve("themes");
        });
  }

  public ConsoleOptions withEnv(Map<String, String> environment) {
    return edit(e -> e.env = environment);
  }

  public ConsoleOptions withClock(Clock c, ZoneId z) {
    return edit(
        e -> {
          e.clock = c;
          e.zone = z;
        });
  }

  public ConsoleOptions withHostname(String h) {
    return edit(e -> e.hostname = h);
  }

  public ConsoleOptions withStatsInterval(Duration d) {
    return edit(e -> e.statsInterval = d);
  }

  /**
   * What the header names ({@code shown}) and what the saved layout is kept under ({@code key}).
   */
  public ConsoleOptions withTarget(String shown, String key) {
    return edit(
        e -> {
          e.target = shown;
          e.stateKey = key;
        });
  }

  /** Lines each log pane keeps (100 to {@link #MAX_LOG_LINES}). */
  public ConsoleOptions withLogLines(int lines) {
    return edit(e -> e.logLines = lines);
  }

  /** A copy with some components changed (the canonical constructor checks the result). */
  private ConsoleOptions edit(java.util.function.Consumer<Editable> change) {
    Editable e = new Editable(this);
    change.accept(e);
    return e.build();
  }

  /** The components, open for one {@link #edit}. */
  private static final class Editable {
    Mode mode;
    String target;
    boolean readOnly;
    String hostname;
    @Nullable Path keysFile;
    @Nullable Path preferencesFile;
    @Nullable Path userThemes;
    Map<String, String> env;
    Clock clock;
    ZoneId zone;
    int logLines;
    int maxLineChars;
    long historyBytes;
    Duration statsInterval;
    String stateKey;

    Editable(ConsoleOptions o) {
      mode = o.mode;
      target = o.target;
      readOnly = o.readOnly;
      hostname = o.hostname;
      keysFile = o.keysFile;
      preferencesFile = o.preferencesFile;
      userThemes = o.userThemes;
      env = o.env;
      clock = o.clock;
      zone = o.zone;
      logLines = o.logLines;
      maxLineChars = o.maxLineChars;
      historyBytes = o.historyBytes;
      statsInterval = o.statsInterval;
      stateKey = o.stateKey;
    }

    ConsoleOptions build() {
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
          statsInterval,
          stateKey);
    }
  }

  /**
   * Where this target's pane layout is kept: {@code layouts/} next to console.conf, one file per
   * config or server (named by a hash of {@link #stateKey}); null when nothing is kept.
   */
  public @Nullable Path layoutFile() {
    Path prefs = preferencesFile;
    if (prefs == null) {
      return null;
    }
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(stateKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String name = java.util.HexFormat.of().formatHex(h, 0, 8);
      return prefs.resolveSibling("layouts").resolve(name + ".layout");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
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
