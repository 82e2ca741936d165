package dev.tend.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The supervisor's activity log with supervisord's seven levels on top of slf4j: CRIT is ERROR
 * marked {@link #CRITICAL}, BLAT is TRACE marked {@link #BLATHER}; the backend renders the tags.
 */
public final class MainLog {
  /** Marks an ERROR event that supervisord would log as CRIT. */
  public static final Marker CRITICAL = MarkerFactory.getMarker("CRIT");

  /** Marks a TRACE event that supervisord would log as BLAT. */
  public static final Marker BLATHER = MarkerFactory.getMarker("BLAT");

  private final Logger logger;

  private MainLog(Logger logger) {
    this.logger = logger;
  }

  public static MainLog of(Class<?> source) {
    return new MainLog(LoggerFactory.getLogger(source));
  }

  public void critical(String message) {
    logger.error(CRITICAL, message);
  }

  public void error(String message) {
    logger.error(message);
  }

  public void warn(String message) {
    logger.warn(message);
  }

  public void info(String message) {
    logger.info(message);
  }

  public void debug(String message) {
    logger.debug(message);
  }

  public boolean isDebugEnabled() {
    return logger.isDebugEnabled();
  }

  public void trace(String message) {
    logger.trace(message);
  }

  public void blather(String message) {
    logger.trace(BLATHER, message);
  }
}
