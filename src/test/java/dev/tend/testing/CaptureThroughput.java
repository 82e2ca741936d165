package dev.tend.testing;

import dev.tend.platform.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The throughput harness for log capture: pumps any {@link ByteSource} through an {@link
 * OutputSink} as the platform's I/O thread would (one reused direct buffer, valid only during the
 * call), digesting what it delivered; and digests a rotated log's files in order, so a test can
 * prove the files hold exactly the bytes written. A real-child test wraps its capture in {@link
 * #digesting} instead of pumping.
 */
public final class CaptureThroughput {
  private CaptureThroughput() {}

  /** What went through: how many bytes, their SHA-256, and the time spent inside the sink. */
  public record Result(long bytes, String sha256, long sinkNanos, long wallNanos) {
    public double sinkMibPerSecond() {
      return bytes / (1024.0 * 1024.0) / (sinkNanos / 1e9);
    }

    public double wallMibPerSecond() {
      return bytes / (1024.0 * 1024.0) / (wallNanos / 1e9);
    }
  }

  /** A rotated log's content: total length and SHA-256 of its files joined oldest first. */
  public record Digest(long bytes, String sha256) {}

  /** Delivers all of {@code source} to {@code sink}, then end of file. */
  public static Result pump(ByteSource source, OutputSink sink) throws IOException {
    DigestingSink digesting = digesting(sink);
    ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
    long start = System.nanoTime();
    while (true) {
      buf.clear();
      if (source.read(buf) < 0) {
        break;
      }
      buf.flip();
      digesting.onData(buf);
    }
    digesting.onEof();
    return digesting.result(System.nanoTime() - start);
  }

  /** A sink that passes everything on to {@code sink}, digesting it and timing the calls. */
  public static DigestingSink digesting(OutputSink sink) {
    return new DigestingSink(sink);
  }

  /**
   * The joined content of {@code files} (for a rotated log: {@code .N} ... {@code .1}, current).
   */
  public static Digest digestOf(List<Path> files) throws IOException {
    MessageDigest sha = sha256();
    long total = 0;
    byte[] buf = new byte[1 << 20];
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          sha.update(buf, 0, n);
          total += n;
        }
      }
    }
    return new Digest(total, HexFormat.of().formatHex(sha.digest()));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Passes bytes on, digesting them first (the sink may consume the buffer). */
  public static final class DigestingSink implements OutputSink {
    private final OutputSink sink;
    private final MessageDigest sha = sha256();
    private long bytes; // delivered so far; I/O thread only
    private long sinkNanos; // time spent in the sink's onData; I/O thread only

    DigestingSink(OutputSink sink) {
      this.sink = sink;
    }

    @Override
    public void onData(ByteBuffer data) {
      int start = data.position();
      bytes += data.remaining();
      sha.update(data);
      data.position(start);
      long t = System.nanoTime();
      sink.onData(data);
      sinkNanos += System.nanoTime() - t;
    }

    @Override
    public void onEof() {
      sink.onEof();
    }

    /** What went through so far; call once, after end of file. */
    public Result result(long wallNanos) {
      return new Result(bytes, HexFormat.of().formatHex(sha.digest()), sinkNanos, wallNanos);
    }
  }
}
