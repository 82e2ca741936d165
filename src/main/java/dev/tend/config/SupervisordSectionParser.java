package dev.tend.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [supervisord]} section (spec §1.5) in supervisord's reading order, with command-line
 * values taking the place of the file's. Only {@code here} and {@code ENV_*} expand here; {@code
 * environment} is expanded a second time with {@code host_node_name} too (so a literal {@code %}
 * there is {@code %%%%}, and {@code %(host_node_name)s} must be written {@code
 * %%(host_node_name)s}).
 */
final class SupervisordSectionParser {
  static final String SECTION = "supervisord";

  private final SectionReader r;
  private final HostValueTypes host;
  private final Map<String, String> commandLine;
  private final Map<String, Object> hereOnly;
  private final Map<String, Object> envNames;
  private final String here;
  private final String hostNodeName;
  private final Path tempDirectory;

  SupervisordSectionParser(
      SectionReader reader,
      HostValueTypes host,
      Map<String, String> commandLine,
      Map<String, Object> envNames,
      String here,
      String hostNodeName,
      Path tempDirectory) {
    this.r = reader;
    this.host = host;
    this.commandLine = commandLine;
    this.hereOnly = Map.of("here", here);
    this.envNames = envNames;
    this.here = here;
    this.hostNodeName = hostNodeName;
    this.tempDirectory = tempDirectory;
  }

  /** The value of key: from the command line as given, else the file's (expanded), else dflt. */
  private @Nullable String value(String key, @Nullable String dflt) throws InvalidValueException {
    String given = commandLine.get(key);
    return given != null ? given : r.get(key, dflt, hereOnly);
  }

  private <T> T typed(String key, String dflt, SectionReader.Conversion<T> conversion, T fallback) {
    return r.attempt(
        key,
        fallback,
        () -> {
          String v = value(key, dflt);
          return conversion.convert(v == null ? dflt : v);
        });
  }

  SupervisordConfig parse() {
    int minfds = typed("minfds", "1024", ValueTypes::integer, 1024);
    int minprocs = typed("minprocs", "200", ValueTypes::integer, 200);
    String directory = r.attemptOrNull("directory", () -> dir(value("directory", null)));
    String user = r.attemptOrNull("user", () -> value("user", null));
    int umask = typed("umask", "022", ValueTypes::octal, 022);
    String logfile = typed("logfile", "supervisord.log", host::existingDirpath, "supervisord.log");
    long maxbytes = typed("logfile_maxbytes", "50MB", ValueTypes::byteSize, 50L * 1024 * 1024);
    int backups = typed("logfile_backups", "10", ValueTypes::integer, 10);
    LogLevel loglevel = typed("loglevel", "info", ValueTypes::logLevel, LogLevel.INFO);
    String pidfile = typed("pidfile", "supervisord.pid", host::existingDirpath, "supervisord.pid");
    String identifier = typed("identifier", "supervisor", text -> text, "supervisor");
    boolean nodaemon = typed("nodaemon", "false", ValueTypes::bool, false);
    boolean silent = typed("silent", "false", ValueTypes::bool, false);
    String tmp = tempDirectory.toString();
    String childlogdir = typed("childlogdir", tmp, host::existingDirectory, tmp);
    boolean nocleanup = typed("nocleanup", "false", ValueTypes::bool, false);
    boolean stripAnsi = typed("strip_ansi", "false", ValueTypes::bool, false);
    Map<String, String> environment = r.attempt("environment", Map.of(), this::environment);
    Integer uid = user == null ? null : r.attemptOrNull("user", () -> host.uid(user));
    List<String> profileOptions = profileOptions(commandLine.get("profile_options"));
    boolean syslog = logfile.equals("syslog");
    return new SupervisordConfig(
        syslog ? null : host.normalize(logfile),
        syslog,
        maxbytes,
        backups,
        loglevel,
        host.normalize(pidfile),
        umask,
        nodaemon,
        silent,
        minfds,
        minprocs,
        nocleanup,
        host.resolve(childlogdir),
        uid,
        user,
        directory == null ? null : host.resolve(directory),
        stripAnsi,
        environment,
        identifier,
        profileOptions);
  }

  private @Nullable String dir(@Nullable String value) throws InvalidValueException {
    return value == null ? null : host.existingDirectory(value);
  }

  private Map<String, String> environment() throws InvalidValueException {
    String once = value("environment", "");
    if (once == null || once.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("here", here);
    names.put("host_node_name", hostNodeName);
    names.putAll(envNames);
    return EnvironmentParser.parse(PercentFormat.expand(once, names, "environment"));
  }

  /** supervisord's profile_options: comma list, lower-cased; only the command line sets it. */
  private static List<String> profileOptions(@Nullable String text) {
    if (text == null) {
      return List.of();
    }
    return ValueTypes.listOfStrings(text).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }
}
