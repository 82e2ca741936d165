package dev.tend.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [supervisord]} section (spec §1.5), with command-line overrides already applied.
 *
 * @param logfile the main log; null when {@code logfile=syslog}
 * @param umask applied only when daemonizing
 * @param uid the user to switch to at start-up; null when unset
 * @param directory chdir target when daemonizing; null when unset
 * @param environment added to every child's environment, in order
 * @param crashRecovery tend's {@code orphans} and {@code pipe_keeper}
 */
public record SupervisordConfig(
    @Nullable Path logfile,
    boolean logToSyslog,
    long logfileMaxbytes,
    int logfileBackups,
    LogLevel loglevel,
    Path pidfile,
    int umask,
    boolean nodaemon,
    boolean silent,
    int minfds,
    int minprocs,
    boolean nocleanup,
    Path childlogdir,
    @Nullable Integer uid,
    @Nullable String user,
    @Nullable Path directory,
    boolean stripAnsi,
    Map<String, String> environment,
    String identifier,
    List<String> profileOptions,
    CrashRecovery crashRecovery) {

  public SupervisordConfig {
    environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    profileOptions = List.copyOf(profileOptions);
  }
}
