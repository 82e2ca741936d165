package dev.tend.platform;

import java.util.Arrays;

/**
 * One message over a unix socket: a short text and the file descriptors that came with it (the
 * receiver owns them), or that go with it (the sender keeps its own; the kernel sends copies).
 */
public record FdMessage(String text, int[] fds) {

  public FdMessage {
    fds = fds.clone();
  }

  @Override
  public int[] fds() {
    return fds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FdMessage m && text.equals(m.text) && Arrays.equals(fds, m.fds);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + Arrays.hashCode(fds);
  }

  @Override
  public String toString() {
    return text + " " + Arrays.toString(fds);
  }
}
