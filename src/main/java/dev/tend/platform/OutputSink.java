package dev.tend.platform;

import java.nio.ByteBuffer;

/**
 * Where a child's stdout or stderr pipe is drained to. Called on the platform's I/O thread: must
 * not block for long, and must consume (or copy) the buffer before returning.
 */
public interface OutputSink {

  /** Bytes read from the pipe; the buffer is valid only during the call. */
  void onData(ByteBuffer data);

  /** The pipe reached end of file (every writer closed it). Called once. */
  void onEof();
}
