package dev.tend.logs;

import dev.tend.api.LogStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failing event listener or syslog writer from breaking capture: its exception is logged
 * and the output goes on to the file and the tail buffer as if nothing happened.
 */
final class ShieldedCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(ShieldedCallbacks.class);

  private ShieldedCallbacks() {}

  static LogEvents shield(LogEvents events, String processName) {
    if (events == LogEvents.NONE) {
      return events;
    }
    return new LogEvents() {
      @Override
      public void processLog(LogStream stream, byte[] data) {
        try {
          events.processLog(stream, data);
        } catch (RuntimeException e) {
          LOG.warn("PROCESS_LOG event of '{}' {} failed", processName, stream.word(), e);
        }
      }

      @Override
      public void processCommunication(LogStream stream, byte[] data) {
        try {
          events.processCommunication(stream, data);
        } catch (RuntimeException e) {
          LOG.warn("PROCESS_COMMUNICATION event of '{}' {} failed", processName, stream.word(), e);
        }
      }
    };
  }

  static SyslogWriter shield(SyslogWriter writer, String processName) {
    if (writer == SyslogWriter.NONE) {
      return writer;
    }
    return message -> {
      try {
        writer.send(message);
      } catch (RuntimeException e) {
        LOG.warn("syslog of '{}' failed", processName, e);
      }
    };
  }
}
