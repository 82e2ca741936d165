package dev.tend.logs;

import dev.tend.api.LogStream;
import dev.tend.api.PythonText;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;

/**
 * What supervisord does with each piece of output besides the log file (dispatchers._log): the DEBG
 * copy to the main log ({@code 'web' stdout output:\n<data>}, only while that logger's debug level
 * is on) and the {@code PROCESS_LOG_*} event (with {@code *_events_enabled}). The bytes of one read
 * are gathered and sent as one copy and one event.
 */
final class OutputEcho implements ByteStage {
  private static final int SMALL = 256;

  private final String processName;
  private final LogStream stream;
  private final Logger mainLog;
  private final LogEvents events;
  private final boolean eventsEnabled;
  // Bytes [0, size) wait for flush(); a small array per stream, replaced by a larger one only for
  // the read that needs it (so a chatty process does not keep 64 KiB per stream).
  private byte[] pending = new byte[SMALL];
  // How many bytes of pending are in use.
  private int size;

  OutputEcho(
      String processName, LogStream stream, Logger mainLog, LogEvents events, boolean eventsOn) {
    this.processName = processName;
    this.stream = stream;
    this.mainLog = mainLog;
    this.events = events;
    this.eventsEnabled = eventsOn;
  }

  /** Whether anything listens; when not, the output path skips this stage. */
  boolean active() {
    return eventsEnabled || mainLog.isDebugEnabled();
  }

  @Override
  public void accept(ByteBuffer data) {
    int n = data.remaining();
    if (pending.length - size < n) {
      pending = Arrays.copyOf(pending, Math.max(size + n, pending.length * 2));
    }
    data.get(pending, size, n);
    size += n;
  }

  /** Sends what was gathered since the last flush, if anything. */
  void flush() {
    if (size == 0) {
      return;
    }
    byte[] data = Arrays.copyOf(pending, size);
    size = 0;
    if (pending.length > SMALL) {
      pending = new byte[SMALL];
    }
    if (mainLog.isDebugEnabled()) {
      mainLog.debug(
          PythonText.repr(processName)
              + " "
              + stream.word()
              + " output:\n"
              + PythonRepr.output(data));
    }
    if (eventsEnabled) {
      events.processLog(stream, data);
    }
  }
}
