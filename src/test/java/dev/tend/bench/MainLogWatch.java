package dev.tend.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a daemon's main log as it grows and counts the lines both daemons write for a process
 * ({@code spawned: }, {@code success: }, {@code exited: }, {@code stopped: }). Single-threaded.
 */
final class MainLogWatch {
  private final Path file;
  private long offset; // bytes consumed so far; always at a line start
  private final List<String> lines = new ArrayList<>(); // every complete line read, in order
  private final int[] counts = new int[MARKERS.length]; // lines read containing MARKERS[i]

  static final String SPAWNED = "spawned: ";
  static final String SUCCESS = "success: ";
  static final String EXITED = "exited: ";
  static final String STOPPED = "stopped: ";
  private static final String[] MARKERS = {SPAWNED, SUCCESS, EXITED, STOPPED};

  MainLogWatch(Path file) {
    this.file = file;
  }

  /** Reads what was appended since the last call; returns the number of new complete lines. */
  int poll() throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] chunk;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      if (size <= offset) {
        return 0;
      }
      chunk = new byte[(int) Math.min(size - offset, 1 << 24)];
      f.seek(offset);
      f.readFully(chunk);
    }
    int end = chunk.length;
    while (end > 0 && chunk[end - 1] != '\n') {
      end--;
    }
    if (end == 0) {
      return 0;
    }
    offset += end;
    String[] added = new String(chunk, 0, end - 1, StandardCharsets.UTF_8).split("\n", -1);
    for (String line : added) {
      lines.add(line);
      for (int i = 0; i < MARKERS.length; i++) {
        if (line.contains(MARKERS[i])) {
          counts[i]++;
        }
      }
    }
    return added.length;
  }

  /** How many lines read so far contain {@code text}, from line {@code from} on. */
  int count(String text, int from) {
    int n = 0;
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        n++;
      }
    }
    return n;
  }

  /** Lines so far with one of the four process markers ({@link #SPAWNED}...). */
  int count(String marker) {
    for (int i = 0; i < MARKERS.length; i++) {
      if (MARKERS[i].equals(marker)) {
        return counts[i];
      }
    }
    return count(marker, 0);
  }

  int lineCount() {
    return lines.size();
  }

  List<String> lines() {
    return lines;
  }
}
