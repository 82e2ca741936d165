package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What counts as a trickle of lines, after which the I/O thread pauses to gather more. */
class ReadBufferTest {
  private final ReadBuffer buffer = new ReadBuffer();

  @Test
  void readsOfLinesAreATrickle() {
    buffer.counted(64);
    buffer.counted(130);
    assertTrue(buffer.takeTrickle());
    assertFalse(buffer.takeTrickle(), "counting starts anew: no read is no trickle");
  }

  @Test
  void aBulkWriterKeepingPaceWithTheReaderIsNotATrickleThoughItsReadsFallShortOfTheBuffer() {
    // A program writing 64 KiB blocks into a grown pipe is read one block at a time; a pause after
    // each would hold it up (the old rule paused unless a read filled the whole buffer).
    buffer.counted(64);
    buffer.counted(64 * 1024);
    assertFalse(buffer.takeTrickle());
    buffer.counted(ReadBuffer.TRICKLE_MAX);
    assertFalse(buffer.takeTrickle());
  }
}
