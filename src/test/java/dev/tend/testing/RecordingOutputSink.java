package dev.tend.testing;

import dev.tend.platform.OutputSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An {@link OutputSink} that keeps every byte and counts EOFs; readable from any thread. */
public final class RecordingOutputSink implements OutputSink {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // guarded by this
  private int eofs; // guarded by this
  private final Runnable onEvent; // told after each callback (tests record the order of events)

  public RecordingOutputSink() {
    this(() -> {});
  }

  public RecordingOutputSink(Runnable onEvent) {
    this.onEvent = onEvent;
  }

  @Override
  public void onData(ByteBuffer data) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    synchronized (this) {
      bytes.write(chunk, 0, chunk.length);
    }
    onEvent.run();
  }

  @Override
  public void onEof() {
    synchronized (this) {
      eofs++;
    }
    onEvent.run();
  }

  public synchronized String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  public synchronized int size() {
    return bytes.size();
  }

  public synchronized int eofs() {
    return eofs;
  }
}
