package dev.tend.api;

/**
 * Receives a followed log's bytes, in order, on a thread of the implementation's choosing. Must
 * return quickly; it must not call back into the API on that thread.
 */
public interface LogListener {

  /** New bytes, in the order the process wrote them. */
  void onData(byte[] data);

  /**
   * The history a follow starts with (possibly empty), before any {@link #onData}: called once by
   * the follows that know it is history, with when its bytes arrived where the server knows it. By
   * default the bytes are simply data.
   */
  default void onHistory(byte[] data, LineTimes times) {
    if (data.length > 0) {
      onData(data);
    }
  }

  /**
   * Bytes were lost between the previous {@link #onData} and the next: the log rotated or
   * overflowed faster than it was read. {@code bytes} is how many, or -1 when unknown.
   */
  void onGap(long bytes);

  /** The follow ended (process removed, connection lost); no more calls follow. */
  void onClosed(String reason);

  /**
   * Whether {@link #onData} and {@link #onGap} only copy and signal: they never block and never
   * call out. Then the implementation may call them on the thread that captures the output, as it
   * captures it, instead of waking a thread of the follow's own for every write (a daemon following
   * chatty programs for its clients would otherwise wake one per line).
   */
  default boolean copiesOnly() {
    return false;
  }
}
