package dev.tend.testing;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a throughput test's bytes come from: a generator, a file, a child's pipe. */
@FunctionalInterface
public interface ByteSource {
  /** Puts the next bytes into {@code dst} (at least one); returns how many, or -1 at the end. */
  int read(ByteBuffer dst) throws IOException;
}
