package dev.tend.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Follows a file the way supervisord's {@code tail_f_producer} does: starts at its last {@code
 * head} bytes; when the name points to a new file (rotated or recreated) reopens it and reads it
 * from the start; when the file shrank announces {@code ==> File truncated <==} and reads from the
 * start. Not thread-safe: one streaming request owns it.
 */
final class FileTail implements AutoCloseable {
  static final byte[] TRUNCATED = "==> File truncated <==\n".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  // The open file and its inode; replaced when the name points to another file.
  private FileChannel channel;
  private Object inode;
  // How far this follower has read.
  private long position;

  FileTail(Path file, int head) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.inode = inodeOf(file);
    this.position = Math.max(0, channel.size() - head);
  }

  /** New bytes (at most {@code max}), the truncation notice, or none yet (empty). */
  byte[] poll(int max) throws IOException {
    reopenIfReplaced();
    long size = channel.size();
    if (size < position) {
      position = 0;
      return TRUNCATED.clone();
    }
    if (size == position) {
      return new byte[0];
    }
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(max, size - position));
    int n = channel.read(buf, position);
    if (n <= 0) {
      return new byte[0];
    }
    position += n;
    return Arrays.copyOf(buf.array(), n);
  }

  private void reopenIfReplaced() throws IOException {
    Object now;
    try {
      now = inodeOf(file);
    } catch (NoSuchFileException e) {
      return; // unlinked and not yet recreated: keep reading what is open
    }
    if (!now.equals(inode)) {
      FileChannel next = FileChannel.open(file, StandardOpenOption.READ);
      channel.close();
      channel = next;
      inode = now;
      position = 0;
    }
  }

  private static Object inodeOf(Path file) throws IOException {
    return Files.getAttribute(file, "unix:ino");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
