package dev.tend.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process's configuration as {@code getAllConfigInfo} reports it (supervisord 4.2.5 keys). Log
 * file fields hold a path, {@code auto} or {@code none}, as on the wire.
 *
 * @param inuse whether the process's group is currently added (not only available)
 * @param directory null when unset (the wire says {@code none})
 * @param uid null when the process runs as the supervisor's user (the wire says {@code none})
 * @param serverurl a URL, {@code auto} or {@code none}
 */
public record ConfigInfo(
    String name,
    String group,
    boolean inuse,
    boolean autostart,
    @Nullable String directory,
    @Nullable Integer uid,
    String command,
    List<Integer> exitcodes,
    int groupPrio,
    int processPrio,
    boolean killasgroup,
    boolean redirectStderr,
    int startretries,
    int startsecs,
    int stopsignal,
    int stopwaitsecs,
    String serverurl,
    StreamConfigInfo stdout,
    StreamConfigInfo stderr) {

  public ConfigInfo {
    exitcodes = List.copyOf(exitcodes);
  }

  /** The six per-stream keys ({@code stdout_logfile}, {@code stdout_logfile_maxbytes} ...). */
  public record StreamConfigInfo(
      String logfile,
      long logfileMaxbytes,
      int logfileBackups,
      long captureMaxbytes,
      boolean eventsEnabled,
      boolean syslog) {}
}
