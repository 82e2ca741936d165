package dev.tend.config;

import dev.tend.api.PythonText;
import java.util.Locale;

/**
 * tend's own {@code [supervisord]} keys for a daemon that died without stopping its programs
 * (supervisord 4.2.5 ignores both; see docs/CRASH.md).
 *
 * @param orphans {@code orphans}: what the next daemon on the config does with the processes the
 *     dead one left running: take them over as they are ({@code adopt}, the default), or stop them
 *     and start their programs anew ({@code stop})
 * @param pipeKeeper {@code pipe_keeper}: what holds the programs' output pipes while no daemon
 *     runs, so a program writing then is not killed by SIGPIPE: systemd's file descriptor store
 *     when the daemon runs under systemd with one, else a keeper process ({@code auto}, the
 *     default); the store only ({@code systemd}); nothing ({@code off})
 */
public record CrashRecovery(OrphanPolicy orphans, PipeKeeping pipeKeeper) {

  public static final CrashRecovery DEFAULT =
      new CrashRecovery(OrphanPolicy.ADOPT, PipeKeeping.AUTO);

  /** The values of {@code orphans}. */
  public enum OrphanPolicy {
    ADOPT,
    STOP
  }

  /** The values of {@code pipe_keeper}. */
  public enum PipeKeeping {
    AUTO,
    SYSTEMD,
    OFF
  }

  static OrphanPolicy orphans(String text) throws InvalidValueException {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "adopt" -> OrphanPolicy.ADOPT;
      case "stop" -> OrphanPolicy.STOP;
      default ->
          throw new InvalidValueException(
              "invalid 'orphans' value " + PythonText.repr(text) + " (adopt or stop)");
    };
  }

  static PipeKeeping pipeKeeper(String text) throws InvalidValueException {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> PipeKeeping.AUTO;
      case "systemd" -> PipeKeeping.SYSTEMD;
      case "off" -> PipeKeeping.OFF;
      default ->
          throw new InvalidValueException(
              "invalid 'pipe_keeper' value " + PythonText.repr(text) + " (auto, systemd or off)");
    };
  }
}
