package dev.tend.platform;

import java.nio.ByteBuffer;

/**
 * Where a child's stdout or stderr pipe is drained to. Called on the platform's I/O thread: must
 * not block for long, and must consume (or copy) the buffer before returning.
 */
public interface OutputSink {

  /** Bytes read from the pipe; the buffer is valid only during the call. */
  void onData(ByteBuffer data);

  /**
   * The pipe reached end of file (every writer closed it), or the child was reaped: then the
   * platform drains the pipe and stops reading it, as supervisord closes a reaped child's pipes.
   * Called once, before the exit listener hears of the exit.
   */
  void onEof();
}
