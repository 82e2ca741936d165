package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.testing.Await;
import dev.tend.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tend.* over HTTP against the real core: pushed changes, raw log bytes, followed logs. */
class TendNamespaceIT {
  @TempDir Path dir;
  private ServerHarness h;
  private RpcClient c;

  @BeforeEach
  void start() throws Exception {
    h =
        ServerHarness.start(
            dir,
            TestConfigs.config(
                TestConfigs.program(
                    TestConfigs.with(TestConfigs.process("web", "cat"), b -> b.startsecs(0))),
                TestConfigs.program(
                    TestConfigs.with(
                        TestConfigs.process("idle", "cat"),
                        b -> b.startsecs(0).autostart(false)))));
    c = new RpcClient(h.unixUrl());
    Await.until("web running", () -> h.children.liveCount() == 1);
  }

  @AfterEach
  void stop() throws Exception {
    c.close();
    h.close();
  }

  private static byte[] allBytes() {
    byte[] b = new byte[256];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @Test
  void capabilitiesSayWhatTendOffers() {
    assertEquals(
        Map.of(
            "version",
            "9.9.9-test",
            "pushesChanges",
            true,
            "processStats",
            true,
            "rawLogs",
            true,
            "followStream",
            true),
        c.call("tend.getCapabilities"));
  }

  @Test
  void waitForChangesPushesAStateChangeToAWaitingCaller() throws Exception {
    Map<?, ?> first = (Map<?, ?>) c.call("tend.waitForChanges", "0", 0);
    assertEquals(true, first.get("full"));
    assertEquals(2, ((List<?>) first.get("processes")).size());
    String cursor = (String) first.get("cursor");
    CompletableFuture<Map<?, ?>> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try (RpcClient other = new RpcClient(h.unixUrl())) {
                return (Map<?, ?>) other.call("tend.waitForChanges", cursor, 30);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Await.until("the poll to wait", () -> h.server.inFlight() == 1);
    c.call("supervisor.startProcess", "idle", false);
    Map<?, ?> change = waiting.get(20, TimeUnit.SECONDS);
    assertEquals(false, change.get("full"));
    Map<?, ?> idle = (Map<?, ?>) ((List<?>) change.get("processes")).get(0);
    assertEquals("idle", idle.get("name"));
    assertTrue(idle.containsKey("restarts") && idle.containsKey("exitsignal"), idle.toString());
  }

  @Test
  void logReadsCarryEveryByteIntact() {
    h.outputs.get("web").write(LogStream.STDOUT, allBytes());
    byte[] read = (byte[]) c.call("tend.readProcessLog", "web", "stdout", -256L, 0);
    assertArrayEquals(allBytes(), read);
    List<?> tail = (List<?>) c.call("tend.tailProcessLog", "web", "stdout", 0L, 256);
    assertArrayEquals(allBytes(), (byte[]) tail.get(0));
    assertEquals(Long.valueOf(12 + 256), tail.get(1)); // "cat started\n" came first
    // supervisord's string API still answers, with what XML can carry
    String text = (String) c.call("supervisor.readProcessStdoutLog", "web", -256, 0);
    assertEquals(256, text.length());
  }

  @Test
  void followProcessLogLongPollsWithoutGapOrDuplicate() throws Exception {
    Map<?, ?> first = (Map<?, ?>) c.call("tend.followProcessLog", "web", "stdout", "", 4096, 0);
    assertEquals("cat started\n", new String((byte[]) first.get("data"), StandardCharsets.UTF_8));
    assertEquals(0L, first.get("lost"));
    String position = (String) first.get("position");
    CompletableFuture<Map<?, ?>> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try (RpcClient other = new RpcClient(h.unixUrl())) {
                return (Map<?, ?>)
                    other.call("tend.followProcessLog", "web", "stdout", position, 0, 30);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Await.until("the follow to wait", () -> h.server.inFlight() == 1);
    h.outputs.get("web").write(LogStream.STDOUT, allBytes());
    Map<?, ?> next = waiting.get(20, TimeUnit.SECONDS);
    assertArrayEquals(allBytes(), (byte[]) next.get("data"));
    h.write("web", LogStream.STDOUT, "after\n");
    Map<?, ?> after =
        (Map<?, ?>) c.call("tend.followProcessLog", "web", "stdout", next.get("position"), 0, 0);
    assertEquals("after\n", new String((byte[]) after.get("data"), StandardCharsets.UTF_8));
  }
}
