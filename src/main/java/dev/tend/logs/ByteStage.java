package dev.tend.logs;

import java.nio.ByteBuffer;

/**
 * One step of a stream's output path. {@link #accept} consumes the bytes between the buffer's
 * position and limit (leaving the position at the limit) and must not keep the buffer, which is
 * valid only during the call.
 */
@FunctionalInterface
interface ByteStage {
  void accept(ByteBuffer data);

  /** Passes bytes {@code [from, to)} of {@code data} to {@code stage}, then restores the limit. */
  static void pass(ByteBuffer data, int from, int to, ByteStage stage) {
    if (from >= to) {
      return;
    }
    int limit = data.limit();
    data.limit(to).position(from);
    stage.accept(data);
    data.limit(limit).position(to);
  }
}
