package dev.tend.control.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogTail;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * A process log file as supervisord 4.2.5 serves it (options.readFile / tailFile, spec §3.5),
 * including its strict UTF-8 decoding: a slice that is not whole UTF-8 fails the call with HTTP
 * 500, as supervisord does.
 */
final class FakeSupervisordLog implements PolledLogFollow.Source {
  private byte[] file = new byte[0]; // guarded by this; the log file's content
  private boolean removed; // guarded by this; the process no longer exists
  private boolean vanishOnNextRead; // guarded by this; the next read finds no file (a clear racing)
  private int calls; // guarded by this

  synchronized void append(byte[] bytes) {
    byte[] f = Arrays.copyOf(file, file.length + bytes.length);
    System.arraycopy(bytes, 0, f, file.length, bytes.length);
    file = f;
  }

  void append(String text) {
    append(text.getBytes(UTF_8));
  }

  /** clearProcessLogs: the file starts over empty. */
  synchronized void clear() {
    file = new byte[0];
  }

  /** The next read fails with NO_FILE and empties the file, as a clear between two calls would. */
  synchronized void vanishOnNextRead() {
    vanishOnNextRead = true;
  }

  synchronized void removeProcess() {
    removed = true;
  }

  synchronized int calls() {
    return calls;
  }

  @Override
  public synchronized LogTail tail(long offset, int length) {
    calls++;
    checkName();
    int sz = file.length;
    long off = offset;
    long len = length;
    boolean overflow = false;
    if (sz > off + len) {
      overflow = true;
      off = sz - 1;
    }
    if (off + len > sz) {
      if (off > sz - 1) {
        len = 0;
      }
      off = sz - len;
    }
    off = Math.max(0, off);
    len = Math.max(0, len);
    byte[] data = Arrays.copyOfRange(file, (int) off, (int) Math.min(sz, off + len));
    return new LogTail(decoded(data), sz, overflow);
  }

  @Override
  public synchronized byte[] read(long offset, int length) {
    calls++;
    checkName();
    if (offset < 0 || length < 0) {
      throw new FaultException(Fault.BAD_ARGUMENTS);
    }
    if (vanishOnNextRead) {
      vanishOnNextRead = false;
      file = new byte[0];
      throw new FaultException(Fault.NO_FILE, "/logs/web-stdout.log");
    }
    int from = (int) Math.min(offset, file.length);
    int to = length == 0 ? file.length : (int) Math.min(file.length, offset + length);
    return decoded(Arrays.copyOfRange(file, from, Math.max(from, to)));
  }

  private void checkName() {
    if (removed) {
      throw new FaultException(Fault.BAD_NAME, "web");
    }
  }

  /** What crosses the wire: the bytes decoded strictly and encoded again, or an HTTP 500. */
  private static byte[] decoded(byte[] bytes) {
    try {
      String s =
          UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(s.getBytes(UTF_8));
      return out.toByteArray();
    } catch (CharacterCodingException e) {
      throw new ConnectionException(
          ConnectionException.Kind.PROTOCOL,
          "answered HTTP 500 Internal Server Error",
          500,
          "Internal Server Error");
    }
  }
}
