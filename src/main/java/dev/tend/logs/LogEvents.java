package dev.tend.logs;

import dev.tend.api.LogStream;

/**
 * The events a process's output raises (spec §6.2). Called on the platform's I/O thread, in output
 * order: an implementation must not block (it posts to the core's loop, which adds the process
 * name, group and pid to the payload).
 */
public interface LogEvents {

  /**
   * {@code PROCESS_LOG_STDOUT}/{@code _STDERR}, when {@code *_events_enabled}: what one read of the
   * pipe carried, after strip_ansi. As in supervisord 4.2.5 this includes bytes inside a capture
   * block.
   */
  void processLog(LogStream stream, byte[] data);

  /**
   * {@code PROCESS_COMMUNICATION_STDOUT}/{@code _STDERR}: one captured block (the bytes between the
   * tokens, at most {@code *_capture_maxbytes} of them), when its end token arrives.
   */
  void processCommunication(LogStream stream, byte[] data);

  /** Ignores every event. */
  LogEvents NONE =
      new LogEvents() {
        @Override
        public void processLog(LogStream stream, byte[] data) {}

        @Override
        public void processCommunication(LogStream stream, byte[] data) {}
      };
}
