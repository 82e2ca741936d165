package dev.tend.logs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.tend.api.LogStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records events as {@code LOG stdout <data>} and {@code COMM stdout <data>}, in order. */
final class RecordingLogEvents implements LogEvents {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void processLog(LogStream stream, byte[] data) {
    events.add("LOG " + stream.word() + " " + new String(data, ISO_8859_1));
  }

  @Override
  public void processCommunication(LogStream stream, byte[] data) {
    events.add("COMM " + stream.word() + " " + new String(data, ISO_8859_1));
  }
}
