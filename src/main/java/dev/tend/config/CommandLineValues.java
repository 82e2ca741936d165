package dev.tend.config;

import java.util.Optional;

/**
 * Checks a {@code [supervisord]} value given on the daemon's command line with the type
 * supervisord's option parser applies to it, so the error can name the option as typed ({@code
 * invalid value for -e 'loud': bad logging level name 'loud'}) rather than a line of the file.
 */
public final class CommandLineValues {
  private final HostValueTypes host;

  public CommandLineValues(ConfigContext context) {
    this.host = new HostValueTypes(context);
  }

  /** Why {@code value} is not acceptable for the option named {@code key}, if it is not. */
  public Optional<String> problem(String key, String value) {
    try {
      switch (key) {
        case "user" -> host.uid(value);
        case "umask" -> ValueTypes.octal(value);
        case "directory", "childlogdir" -> host.existingDirectory(value);
        case "logfile", "pidfile" -> host.existingDirpath(value);
        case "logfile_maxbytes" -> ValueTypes.byteSize(value);
        case "logfile_backups", "minfds", "minprocs" -> ValueTypes.integer(value);
        case "loglevel" -> ValueTypes.logLevel(value);
        default -> {
          // identifier, profile_options and the flags take any text.
        }
      }
      return Optional.empty();
    } catch (InvalidValueException e) {
      return Optional.of(e.getMessage());
    }
  }
}
