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

  /**
   * Whether someone waits for this stream's bytes now (a follow): the platform then reads it the
   * moment it is written, where it may otherwise let the output of several programs gather for a
   * couple of milliseconds to read it in fewer wake-ups. Asked on the I/O thread after each read;
   * must be cheap.
   */
  default boolean urgent() {
    return false;
  }
}
