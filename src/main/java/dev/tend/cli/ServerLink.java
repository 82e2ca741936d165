package dev.tend.cli;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;

/**
 * The supervisor a ctl session talks to: its API, plus the two streams supervisord serves outside
 * XML-RPC that supervisorctl's {@code tail -f}, {@code maintail -f} and {@code fg} read.
 */
public interface ServerLink extends AutoCloseable {

  SupervisorApi api();

  /**
   * {@code GET /logtail/NAME/CHANNEL}: the log's last 1024 bytes, then each new write, until
   * closed.
   *
   * @throws dev.tend.api.ConnectionException when the server cannot be reached or answers other
   *     than 200 (404: no such process, or no log file yet)
   */
  LogFollow logtail(String namespec, LogStream stream, LogListener listener);

  /** {@code GET /mainlogtail}: the same for the supervisor's own log. */
  LogFollow mainLogtail(LogListener listener);

  @Override
  void close();
}
