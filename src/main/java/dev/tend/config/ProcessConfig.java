package dev.tend.config;

import dev.tend.platform.Signal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One process of a program, eventlistener or fcgi-program section, every {@code %(...)s} already
 * expanded (spec §1.10). The command is kept as written; it is split and resolved at spawn time,
 * like supervisord does, so a bad command is a spawn error, not a config error.
 *
 * @param programName the section's name after {@code program:}
 * @param processNum this process's number ({@code numprocs_start} + index)
 * @param directory chdir target, not validated at load (supervisord does not)
 * @param umask null = inherit the daemon's
 * @param uid null = run as the daemon's user
 * @param user the {@code user=} value as written, for messages; null when unset
 * @param environment {@code [supervisord] environment} overlaid with the program's own {@code
 *     environment=} (the program wins), in order, as supervisord stores it: so a change to either
 *     makes the group "changed" for update; empty when both are unset
 * @param serverurl null means AUTO (the daemon's own server URL)
 * @param tend tend's own keys (dependencies, readiness, health, backoff); {@link TendSettings#NONE}
 *     when the section sets none
 */
public record ProcessConfig(
    String name,
    String programName,
    int processNum,
    String command,
    @Nullable String directory,
    @Nullable Integer umask,
    int priority,
    boolean autostart,
    Autorestart autorestart,
    int startsecs,
    int startretries,
    List<Integer> exitcodes,
    Signal stopsignal,
    int stopwaitsecs,
    boolean stopasgroup,
    boolean killasgroup,
    @Nullable Integer uid,
    @Nullable String user,
    boolean redirectStderr,
    StreamConfig stdout,
    StreamConfig stderr,
    Map<String, String> environment,
    @Nullable String serverurl,
    Origin origin,
    TendSettings tend) {

  public ProcessConfig {
    exitcodes = List.copyOf(exitcodes);
    environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
  }

  /**
   * Whether the two would run the same way: every field but {@link #origin} (moving a section
   * within a file is not a change). This is what {@code reread}/{@code update} compare.
   */
  public boolean sameSettings(ProcessConfig o) {
    return withOrigin(o.origin).equals(o);
  }

  /** A copy with another origin. */
  public ProcessConfig withOrigin(Origin newOrigin) {
    if (Objects.equals(newOrigin, origin)) {
      return this;
    }
    return copy(command, newOrigin);
  }

  /** A copy that runs {@code other} instead (a probe command, as the program's own user). */
  public ProcessConfig withCommand(String other) {
    return copy(other, origin);
  }

  /** A copy with {@code runs} as its command and {@code from} as its origin. */
  private ProcessConfig copy(String runs, Origin from) {
    return new ProcessConfig(
        name,
        programName,
        processNum,
        runs,
        directory,
        umask,
        priority,
        autostart,
        autorestart,
        startsecs,
        startretries,
        exitcodes,
        stopsignal,
        stopwaitsecs,
        stopasgroup,
        killasgroup,
        uid,
        user,
        redirectStderr,
        stdout,
        stderr,
        environment,
        serverurl,
        from,
        tend);
  }
}
