package dev.tend.logs;

import dev.tend.api.LogListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LogListener} that keeps everything: the bytes, each call in order ({@code data:N},
 * {@code gap:N}, {@code closed:reason}), and the size of the first delivery (the history).
 */
final class RecordingFollow implements LogListener {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // guarded by this
  private final List<String> calls = new ArrayList<>(); // guarded by this
  private long received; // guarded by this: bytes delivered plus bytes reported lost
  private final Runnable afterData; // run after each onData, outside the lock (to stall the follow)
  private final boolean copiesOnly; // asks to be called inline, on the writer's thread

  RecordingFollow() {
    this(() -> {});
  }

  RecordingFollow(Runnable afterData) {
    this(afterData, false);
  }

  RecordingFollow(Runnable afterData, boolean copiesOnly) {
    this.afterData = afterData;
    this.copiesOnly = copiesOnly;
  }

  @Override
  public boolean copiesOnly() {
    return copiesOnly;
  }

  @Override
  public void onData(byte[] data) {
    synchronized (this) {
      bytes.write(data, 0, data.length);
      calls.add("data:" + data.length);
      received += data.length;
    }
    afterData.run();
  }

  @Override
  public synchronized void onGap(long lost) {
    calls.add("gap:" + lost);
    received += lost;
  }

  @Override
  public synchronized void onClosed(String reason) {
    calls.add("closed:" + reason);
  }

  synchronized byte[] bytes() {
    return bytes.toByteArray();
  }

  synchronized String text() {
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  synchronized long received() {
    return received;
  }

  synchronized boolean closed() {
    return !calls.isEmpty() && calls.getLast().startsWith("closed:");
  }
}
