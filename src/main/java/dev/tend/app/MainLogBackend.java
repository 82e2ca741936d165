package dev.tend.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.config.LogLevel;
import dev.tend.config.SupervisordConfig;
import dev.tend.core.MainLog;
import dev.tend.core.MainLogAccess;
import dev.tend.logs.LogFileReader;
import dev.tend.logs.RotatingLogFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The daemon's activity log (spec §5.4) on logback: {@code YYYY-MM-DD HH:MM:SS,mmm LEVEL message},
 * supervisord's seven level tags, its threshold, its rotation (the same rotating file as child
 * logs), and with {@code nodaemon} an echo to stdout unless {@code silent}. Configured in code, so
 * start-up reads no logback.xml.
 */
final class MainLogBackend implements MainLogAccess, AutoCloseable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

  private final @Nullable RotatingLogFile file;
  private final Appender appender;

  private MainLogBackend(@Nullable RotatingLogFile file, Appender appender) {
    this.file = file;
    this.appender = appender;
  }

  static MainLogBackend install(SupervisordConfig config, @Nullable PrintStream echo)
      throws IOException {
    RotatingLogFile file = null;
    Path path = config.logfile();
    if (path != null) {
      file = RotatingLogFile.of(path, config.logfileMaxbytes(), config.logfileBackups());
      file.open();
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Appender appender = new Appender(file, echo, config.loglevel());
    appender.setContext(context);
    appender.setName("main");
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(logbackLevel(config.loglevel()));
    root.addAppender(appender);
    return new MainLogBackend(file, appender);
  }

  static Level logbackLevel(LogLevel level) {
    return switch (level) {
      case CRITICAL, ERROR -> Level.ERROR;
      case WARN -> Level.WARN;
      case INFO -> Level.INFO;
      case DEBUG -> Level.DEBUG;
      case TRACE, BLATHER -> Level.TRACE;
    };
  }

  /**
   * The supervisord level of a logback event: ERROR marked CRIT is CRIT, TRACE marked BLAT is BLAT.
   */
  static LogLevel levelOf(Level level, @Nullable Marker marker) {
    boolean crit = marker != null && marker.contains(MainLog.CRITICAL);
    boolean blather = marker != null && marker.contains(MainLog.BLATHER);
    return switch (level.toInt()) {
      case Level.ERROR_INT -> crit ? LogLevel.CRITICAL : LogLevel.ERROR;
      case Level.WARN_INT -> LogLevel.WARN;
      case Level.INFO_INT -> LogLevel.INFO;
      case Level.DEBUG_INT -> LogLevel.DEBUG;
      default -> blather ? LogLevel.BLATHER : LogLevel.TRACE;
    };
  }

  /** One line as supervisord writes it, with a stack trace below when there is one. */
  static String format(
      LocalDateTime time, LogLevel level, String message, @Nullable IThrowableProxy t) {
    StringBuilder b = new StringBuilder(48 + message.length());
    b.append(TIME.format(time)).append(' ').append(level.tag()).append(' ').append(message);
    b.append('\n');
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      b.append(p == t ? "" : "Caused by: ")
          .append(p.getClassName())
          .append(": ")
          .append(p.getMessage())
          .append('\n');
      for (StackTraceElementProxy e : p.getStackTraceElementProxyArray()) {
        b.append("\tat ").append(e.getStackTraceElement()).append('\n');
      }
    }
    return b.toString();
  }

  @Nullable Path path() {
    return file == null ? null : file.path();
  }

  /** SIGUSR2: reopen after an outside rotation. */
  void reopen() throws IOException {
    if (file != null) {
      file.reopen();
    }
  }

  @Override
  public byte[] read(long offset, long length) {
    return LogFileReader.read(path(), offset, length);
  }

  @Override
  public void clear() {
    if (file == null) {
      throw new FaultException(Fault.NO_FILE, "None");
    }
    try {
      file.remove();
    } catch (IOException e) {
      throw new FaultException(Fault.FAILED, e.getMessage() == null ? "" : e.getMessage());
    }
  }

  @Override
  public void close() {
    appender.stop();
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // Closing at exit: nothing left to tell.
      }
    }
  }

  private static final class Appender extends AppenderBase<ILoggingEvent> {
    private final @Nullable RotatingLogFile file;
    private final @Nullable PrintStream echo;
    private final LogLevel threshold;
    private final ZoneId zone = ZoneId.systemDefault();

    Appender(@Nullable RotatingLogFile file, @Nullable PrintStream echo, LogLevel threshold) {
      this.file = file;
      this.echo = echo;
      this.threshold = threshold;
    }

    @Override
    protected void append(ILoggingEvent event) {
      LogLevel level = levelOf(event.getLevel(), marker(event));
      if (!threshold.admits(level)) {
        return;
      }
      LocalDateTime time = LocalDateTime.ofInstant(event.getInstant(), zone);
      String line = format(time, level, event.getFormattedMessage(), event.getThrowableProxy());
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      if (file != null) {
        try {
          file.write(bytes, 0, bytes.length);
        } catch (IOException e) {
          addError("cannot write the main log " + file.path(), e);
        }
      }
      if (echo != null) {
        echo.write(bytes, 0, bytes.length);
        echo.flush();
      }
    }

    private static @Nullable Marker marker(ILoggingEvent event) {
      var markers = event.getMarkerList();
      return markers == null || markers.isEmpty() ? null : markers.get(0);
    }
  }
}
