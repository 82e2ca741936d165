package dev.tend.config;

import dev.tend.api.PythonText;
import dev.tend.platform.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The processes of one {@code [program:x]}, {@code [fcgi-program:x]} or {@code [eventlistener:x]}
 * section (supervisord's {@code processes_from_section}): options read once per section, then per
 * process number the ones that may use {@code %(process_num)d}, with supervisord's defaults,
 * warnings, and the {@code in section 'program:x' (file: 'f')} suffix on every error.
 */
final class ProcessSectionParser {
  private static final long FIFTY_MB = 50L * 1024 * 1024;
  private static final String AUTO_WITHOUT_ROLLOVER =
      "For [%s], AUTO logging used for %s without rollover, set maxbytes > 0 to avoid filling up"
          + " filesystem unintentionally";
  private static final String SYSLOG_DEPRECATED =
      "For [%s], %s=syslog but this is deprecated and will be removed.  Use %s=true to enable"
          + " syslog instead.";
  private static final String REDIRECT_WITH_STDERR_FILE =
      "For [%s], redirect_stderr=true but stderr_logfile has also been set to a filename, the"
          + " filename has been ignored";

  private final IniDocument doc;
  private final Diagnostics diagnostics;
  private final HostValueTypes host;
  private final Map<String, Object> envNames;
  private final Map<String, String> supervisordEnvironment;
  private final String here;
  private final String hostNodeName;

  /**
   * @param envNames the ENV_* names, [supervisord] environment included
   * @param supervisordEnvironment merged under each process's own environment, as supervisord does
   */
  ProcessSectionParser(
      IniDocument doc,
      Diagnostics diagnostics,
      HostValueTypes host,
      Map<String, Object> envNames,
      Map<String, String> supervisordEnvironment,
      String here,
      String hostNodeName) {
    this.doc = doc;
    this.diagnostics = diagnostics;
    this.host = host;
    this.envNames = envNames;
    this.supervisordEnvironment = supervisordEnvironment;
    this.here = here;
    this.hostNodeName = hostNodeName;
  }

  /** The section's processes, sorted by name; empty when the section's name is unusable. */
  List<ProcessConfig> processes(String section, String groupName) {
    IniDocument.Section s = doc.section(section);
    String file = s == null ? "" : s.file.toString();
    String suffix =
        " in section " + PythonText.repr(section) + " (file: " + PythonText.repr(file) + ")";
    SectionReader r = new SectionReader(doc, section, diagnostics, envNames, suffix);
    String programName = r.attemptOrNull(null, () -> ValueTypes.name(section.split(":", 2)[1]));
    if (programName == null) {
      return List.of();
    }
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("here", here);
    common.put("program_name", programName);
    common.put("host_node_name", hostNodeName);
    common.put("group_name", groupName);
    SectionSettings settings = readSettings(r, common, programName);
    List<ProcessConfig> processes = new ArrayList<>();
    for (int i = 0; i < settings.numprocs; i++) {
      ProcessConfig p = process(r, common, settings, settings.numprocsStart + i);
      if (p != null) {
        processes.add(p);
      }
    }
    processes.sort(Comparator.comparing(ProcessConfig::name));
    return processes;
  }

  /** What supervisord reads once per section, before the per-process loop. */
  private record SectionSettings(
      int priority,
      boolean autostart,
      Autorestart autorestart,
      int startsecs,
      int startretries,
      Signal stopsignal,
      int stopwaitsecs,
      boolean stopasgroup,
      boolean killasgroup,
      List<Integer> exitcodes,
      boolean redirectStderr,
      int numprocs,
      int numprocsStart,
      String environment,
      ChannelSettings stdout,
      ChannelSettings stderr,
      @Nullable String serverurl,
      @Nullable String user,
      @Nullable Integer uid,
      @Nullable Integer umask,
      String processName) {}

  /** The once-per-section options of one output channel. */
  private record ChannelSettings(long captureMaxbytes, boolean eventsEnabled) {}

  private static ChannelSettings channel(
      SectionReader r, String channel, Map<String, Object> names) {
    return new ChannelSettings(
        r.typed(channel + "_capture_maxbytes", "0", names, ValueTypes::byteSize, 0L),
        r.typed(channel + "_events_enabled", "false", names, ValueTypes::bool, false));
  }

  private SectionSettings readSettings(SectionReader r, Map<String, Object> names, String program) {
    int priority = r.typed("priority", "999", names, ValueTypes::integer, 999);
    boolean autostart = r.typed("autostart", "true", names, ValueTypes::bool, true);
    Autorestart autorestart =
        r.typed(
            "autorestart", "unexpected", names, ValueTypes::autorestart, Autorestart.UNEXPECTED);
    int startsecs = r.typed("startsecs", "1", names, ValueTypes::integer, 1);
    int startretries = r.typed("startretries", "3", names, ValueTypes::integer, 3);
    Signal stopsignal = r.typed("stopsignal", "TERM", names, ValueTypes::signal, Signal.TERM);
    int stopwaitsecs = r.typed("stopwaitsecs", "10", names, ValueTypes::integer, 10);
    boolean stopasgroup = r.typed("stopasgroup", "false", names, ValueTypes::bool, false);
    boolean killasgroup =
        r.typed("killasgroup", String.valueOf(stopasgroup), names, ValueTypes::bool, stopasgroup);
    List<Integer> exitcodes = r.typed("exitcodes", "0", names, ValueTypes::exitcodes, List.of(0));
    boolean redirectStderr = r.typed("redirect_stderr", "false", names, ValueTypes::bool, false);
    int numprocs = r.typed("numprocs", "1", names, ValueTypes::integer, 1);
    int numprocsStart = r.typed("numprocs_start", "0", names, ValueTypes::integer, 0);
    String environment = r.raw("environment");
    ChannelSettings stdout = channel(r, "stdout", names);
    ChannelSettings stderr = channel(r, "stderr", names);
    String serverurl = r.attemptOrNull("serverurl", () -> r.get("serverurl", null, names));
    if (serverurl != null && PythonText.strip(serverurl).equalsIgnoreCase("AUTO")) {
      serverurl = null;
    }
    String user = r.attemptOrNull("user", () -> r.get("user", null, names));
    Integer uid = user == null ? null : r.attemptOrNull("user", () -> host.uid(user));
    Integer umask = r.optional("umask", names, ValueTypes::octal);
    String processName = processNameTemplate(r, program, numprocs);
    if (stopasgroup && !killasgroup) {
      r.error("killasgroup", "Cannot set stopasgroup=true and killasgroup=false");
    }
    return new SectionSettings(
        priority,
        autostart,
        autorestart,
        startsecs,
        startretries,
        stopsignal,
        stopwaitsecs,
        stopasgroup,
        killasgroup,
        exitcodes,
        redirectStderr,
        numprocs,
        numprocsStart,
        environment == null ? "" : environment,
        stdout,
        stderr,
        serverurl,
        user,
        uid,
        umask,
        processName);
  }

  /** {@code process_name} before expansion; it must tell apart the processes of numprocs > 1. */
  private static String processNameTemplate(SectionReader r, String program, int numprocs) {
    String template = r.raw("process_name");
    String processName =
        r.attempt(
            "process_name",
            program,
            () -> ValueTypes.name(template == null ? "%(program_name)s" : template));
    if (numprocs > 1 && !processName.contains("%(process_num)")) {
      r.error(
          "process_name", "%(process_num) must be present within process_name when numprocs > 1");
    }
    return processName;
  }

  private @Nullable ProcessConfig process(
      SectionReader r, Map<String, Object> common, SectionSettings s, int processNum) {
    Map<String, Object> names = new LinkedHashMap<>(common);
    names.put("process_num", (long) processNum);
    names.put("numprocs", (long) s.numprocs);
    names.putAll(envNames);
    Map<String, String> environment =
        r.attempt(
            "environment",
            Map.of(),
            () ->
                EnvironmentParser.parse(PercentFormat.expand(s.environment, names, "environment")));
    environment.forEach((k, v) -> names.put("ENV_" + k, v));
    String directory = r.attemptOrNull("directory", () -> r.get("directory", null, names));
    StreamConfig stdout = stream(r, "stdout", names, s.stdout);
    StreamConfig stderr = stream(r, "stderr", names, s.stderr);
    if (s.redirectStderr) {
      stderr = redirected(r, stderr);
    }
    String command = r.attemptOrNull("command", () -> r.get("command", null, names));
    if (command == null) {
      if (!r.has("command")) {
        r.error("command", "program section " + r.section() + " does not specify a command");
      }
      return null;
    }
    String name =
        r.attemptOrNull(
            "process_name", () -> PercentFormat.expand(s.processName, names, "process_name"));
    if (name == null) {
      return null;
    }
    Map<String, String> merged = new LinkedHashMap<>(supervisordEnvironment);
    merged.putAll(environment);
    return new ProcessConfig(
        name,
        (String) Objects.requireNonNull(common.get("program_name")), // put by processes()
        processNum,
        command,
        directory,
        s.umask,
        s.priority,
        s.autostart,
        s.autorestart,
        s.startsecs,
        s.startretries,
        s.exitcodes,
        s.stopsignal,
        s.stopwaitsecs,
        s.stopasgroup,
        s.killasgroup,
        s.uid,
        s.user,
        s.redirectStderr,
        stdout,
        stderr,
        merged,
        s.serverurl,
        r.origin(),
        TendKeysParser.parse(r, names));
  }

  /** With redirect_stderr, stderr has no log file of its own (a configured one is warned of). */
  private static StreamConfig redirected(SectionReader r, StreamConfig stderr) {
    if (stderr.logfile() instanceof LogFileSpec.File) {
      r.warning("stderr_logfile", REDIRECT_WITH_STDERR_FILE.formatted(r.section()));
    }
    return new StreamConfig(
        LogFileSpec.NONE,
        stderr.logfileMaxbytes(),
        stderr.logfileBackups(),
        stderr.captureMaxbytes(),
        stderr.eventsEnabled(),
        stderr.syslog(),
        stderr.timestamps());
  }

  private StreamConfig stream(
      SectionReader r, String channel, Map<String, Object> names, ChannelSettings once) {
    String lfKey = channel + "_logfile";
    LogValue logfile =
        r.attempt(
            lfKey,
            LogValue.AUTO,
            () -> {
              String v = r.get(lfKey, null, names);
              // supervisord expands this value twice: %% must be written %%%%
              return v == null ? LogValue.AUTO : logValue(PercentFormat.expand(v, names, lfKey));
            });
    int backups = r.typed(channel + "_logfile_backups", "10", names, ValueTypes::integer, 10);
    long maxbytes =
        r.typed(channel + "_logfile_maxbytes", "50MB", names, ValueTypes::byteSize, FIFTY_MB);
    boolean syslog = r.typed(channel + "_syslog", "false", names, ValueTypes::bool, false);
    boolean timestamps =
        r.typed(channel + "_logfile_timestamps", "false", names, ValueTypes::bool, false);
    LogFileSpec spec = logfile.spec();
    if (logfile.syslog()) {
      r.warning(lfKey, SYSLOG_DEPRECATED.formatted(r.section(), lfKey, channel + "_syslog"));
      syslog = true;
    }
    if (spec instanceof LogFileSpec.Auto && maxbytes == 0) {
      r.warning(lfKey, AUTO_WITHOUT_ROLLOVER.formatted(r.section(), lfKey));
    }
    return new StreamConfig(
        spec, maxbytes, backups, once.captureMaxbytes(), once.eventsEnabled(), syslog, timestamps);
  }

  /** supervisord's {@code logfile_name}: AUTO, NONE/OFF, the deprecated syslog, or a path. */
  private record LogValue(LogFileSpec spec, boolean syslog) {
    static final LogValue AUTO = new LogValue(LogFileSpec.AUTO, false);
    static final LogValue NONE = new LogValue(LogFileSpec.NONE, false);
    static final LogValue SYSLOG = new LogValue(LogFileSpec.NONE, true);
  }

  private LogValue logValue(String value) throws InvalidValueException {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "none", "off" -> LogValue.NONE;
      case "auto" -> LogValue.AUTO;
      case "syslog" -> LogValue.SYSLOG;
      default ->
          new LogValue(new LogFileSpec.File(host.resolve(host.existingDirpath(value))), false);
    };
  }
}
