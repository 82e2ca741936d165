package dev.tend.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tend.api.LogListener;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a log follow delivers: the bytes, the gaps, in order, and how it ended. Fails the
 * test (at {@link #closedReason}) if {@code onClosed} came twice or anything came after it.
 */
public final class RecordingLogListener implements LogListener {
  private final ByteArrayOutputStream data = new ByteArrayOutputStream(); // guarded by this
  private final List<Long> gaps = new ArrayList<>(); // guarded by this
  private final List<String> events = new ArrayList<>(); // guarded by this: "data:N", "gap:N"
  private String closedReason; // guarded by this; null while open
  private String misuse; // guarded by this; set when the follow broke the LogListener contract

  @Override
  public synchronized void onData(byte[] bytes) {
    checkOpen("onData");
    data.writeBytes(bytes);
    events.add("data:" + bytes.length);
  }

  @Override
  public synchronized void onGap(long bytes) {
    checkOpen("onGap");
    gaps.add(bytes);
    events.add("gap:" + bytes);
  }

  @Override
  public synchronized void onClosed(String reason) {
    checkOpen("onClosed");
    closedReason = reason;
  }

  private void checkOpen(String call) {
    if (closedReason != null && misuse == null) {
      misuse = call + " after onClosed(" + closedReason + ")";
    }
  }

  public synchronized byte[] bytes() {
    return data.toByteArray();
  }

  public synchronized String text() {
    return data.toString(UTF_8);
  }

  public synchronized List<Long> gaps() {
    return List.copyOf(gaps);
  }

  /** Data and gaps in the order they came, as {@code data:N} and {@code gap:N}. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** Why the follow ended, or null while it runs. */
  public synchronized String closedReason() {
    if (misuse != null) {
      throw new AssertionError(misuse);
    }
    return closedReason;
  }
}
