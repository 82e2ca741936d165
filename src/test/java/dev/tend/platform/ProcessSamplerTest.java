package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler over a fake /proc: tree sums, CPU since the previous sample, since start first. */
class ProcessSamplerTest {
  @TempDir Path proc;
  private final AtomicLong clock = new AtomicLong();

  private void process(int pid, int ppid, long ticks, long start, long rssPages)
      throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(
        dir.resolve("stat"), ProcStatTest.line(pid, "p", 'R', ppid, ticks, start, rssPages));
  }

  @Test
  void sumsTheTreeAndMeasuresCpuBetweenSamples() throws IOException {
    Files.writeString(proc.resolve("uptime"), "20.00 5.00\n");
    process(10, 1, 86, 1000, 100); // cpuTicks = utime + 14
    process(11, 10, 6, 1500, 50);
    process(12, 11, 6, 1600, 25);
    process(20, 1, 0, 1000, 1);
    ProcessSampler sampler = new ProcessSampler(proc, 4096, clock::get);

    Map<Integer, ProcessSampler.Usage> first = sampler.sample(List.of(10, 99));
    assertFalse(first.containsKey(99));
    // 100 + 20 + 20 ticks over the 10 s (1000 ticks) since the root started
    assertEquals(new ProcessSampler.Usage(14.0, 175 * 4096, 3), first.get(10));

    process(10, 1, 186, 1000, 100); // +100 ticks
    process(11, 10, 56, 1500, 50); // +50 ticks
    clock.addAndGet(2_000_000_000L);
    assertEquals(75.0, sampler.sample(List.of(10)).get(10).cpuPercent(), 1e-9);
  }

  @Test
  void aReusedPidStartsOver() throws IOException {
    Files.writeString(proc.resolve("uptime"), "20.00 5.00\n");
    process(10, 1, 986, 1000, 1);
    ProcessSampler sampler = new ProcessSampler(proc, 4096, clock::get);
    sampler.sample(List.of(10));
    process(10, 1, 86, 1900, 1); // a new process with the same pid, started 1 s ago
    clock.addAndGet(1_000_000_000L);
    assertEquals(100.0, sampler.sample(List.of(10)).get(10).cpuPercent(), 1e-9);
  }

  private void samples(ProcessSampler sampler, int root, int count) {
    for (int i = 0; i < count; i++) {
      sampler.sample(List.of(root));
    }
  }

  @Test
  void aChildStartedAfterTheFullPassCountsWithinFullScanEverySamples() throws IOException {
    Files.writeString(proc.resolve("uptime"), "20.00 5.00\n");
    process(10, 1, 0, 1000, 1);
    ProcessSampler sampler = new ProcessSampler(proc, 4096, clock::get);
    sampler.sample(List.of(10));
    process(11, 10, 0, 1500, 1);
    samples(sampler, 10, ProcessSampler.FULL_SCAN_EVERY - 2);
    assertEquals(1, sampler.sample(List.of(10)).get(10).processes(), "between full passes");
    assertEquals(2, sampler.sample(List.of(10)).get(10).processes(), "at the next full pass");
  }

  @Test
  void aChildThatExitsStopsCountingAtOnce() throws IOException {
    Files.writeString(proc.resolve("uptime"), "20.00 5.00\n");
    process(10, 1, 0, 1000, 1);
    process(11, 10, 0, 1500, 7);
    ProcessSampler sampler = new ProcessSampler(proc, 4096, clock::get);
    assertEquals(8 * 4096, sampler.sample(List.of(10)).get(10).rssBytes());
    Files.delete(proc.resolve("11/stat"));
    Files.delete(proc.resolve("11"));
    assertEquals(new ProcessSampler.Usage(0, 4096, 1), sampler.sample(List.of(10)).get(10));
  }

  @Test
  void aChildPidReusedByAnotherParentIsNotCounted() throws IOException {
    Files.writeString(proc.resolve("uptime"), "20.00 5.00\n");
    process(10, 1, 0, 1000, 1);
    process(11, 10, 0, 1500, 1);
    ProcessSampler sampler = new ProcessSampler(proc, 4096, clock::get);
    sampler.sample(List.of(10));
    process(11, 1, 500, 1900, 99); // 11 exited; an unrelated process got its pid
    assertEquals(1, sampler.sample(List.of(10)).get(10).processes());
  }

  @Test
  void aRootThatExitsIsLeftOutBetweenFullPasses() throws IOException {
    Files.writeString(proc.resolve("uptime"), "20.00 5.00\n");
    process(10, 1, 0, 1000, 1);
    process(20, 1, 0, 1000, 1);
    ProcessSampler sampler = new ProcessSampler(proc, 4096, clock::get);
    sampler.sample(List.of(10, 20));
    Files.delete(proc.resolve("20/stat"));
    assertEquals(List.of(10), List.copyOf(sampler.sample(List.of(10, 20)).keySet()));
  }
}
