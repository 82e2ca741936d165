package dev.tend.core;

import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.EventListenerConfig;
import dev.tend.config.GroupConfig;
import dev.tend.config.GroupKind;
import dev.tend.config.Probe;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;
import dev.tend.testing.TestConfigs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Readiness and health changes reach event listeners that subscribed to tend's types ({@code
 * tend_events}), and never one subscribed to supervisord's {@code EVENT}.
 */
class TendEventsTest {
  private static final Pattern EVENT = Pattern.compile("eventname:(\\S+) len:(\\d+)\n");

  /**
   * A listener pool "rec" with these subscriptions, and "web" with a readiness and health check.
   */
  private static CoreHarness harness(String... events) {
    CoreHarness h = started(1, events);
    h.network.answer(false, "connection refused");
    h.loop.runPending();
    return h;
  }

  /** As {@link #harness}, web ready, with {@code retries}; before its first health check. */
  private static CoreHarness started(int retries, String... events) {
    ProcessConfig rec = with(process("rec", "listener"), b -> b.startsecs(0));
    GroupConfig pool =
        new GroupConfig(
            "rec",
            GroupKind.EVENT_LISTENER,
            -1,
            List.of(rec),
            new EventListenerConfig(List.of(events), 10, "supervisor.dispatchers:default_handler"),
            null);
    TendSettings t =
        new TendSettings(
            List.of(),
            new TendSettings.Readiness(new Probe.Tcp("127.0.0.1", 80), 60, 1),
            new TendSettings.Health(
                new Probe.Tcp("127.0.0.1", 80), 5, 1, retries, TendSettings.HealthAction.NONE),
            null);
    ProcessConfig web = with(process("web", "web"), b -> b.startsecs(0).tend(t));
    CoreHarness h = new CoreHarness(TestConfigs.config(pool, program(web))).start();
    h.loop.advance(1);
    h.network.answer(true, "connected to 127.0.0.1:80");
    h.loop.advance(5000);
    return h;
  }

  /** Every event the listener gets, acknowledging each: "NAME payload". */
  private static List<String> drain(CoreHarness h) {
    List<String> got = new ArrayList<>();
    while (true) {
      String before = h.child("rec").stdin();
      say(h, got.isEmpty() ? "READY\n" : "RESULT 2\nOKREADY\n");
      String in = h.child("rec").stdin();
      if (in.length() == before.length()) {
        return got;
      }
      Matcher m = EVENT.matcher(in.substring(before.length()));
      if (!m.find()) {
        return got;
      }
      int len = Integer.parseInt(m.group(2));
      got.add(
          m.group(1)
              + " "
              + in.substring(before.length() + m.end(), before.length() + m.end() + len));
    }
  }

  private static void say(CoreHarness h, String text) {
    h.child("rec")
        .request()
        .stdout()
        .onData(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    h.loop.runPending();
  }

  @Test
  void subscribersToTendsTypesGetReadinessAndHealth() {
    CoreHarness h = harness("TEND");
    int pid = h.pid("web");
    assertEquals(
        List.of(
            "TEND_PROCESS_READINESS_READY processname:web groupname:web pid:"
                + pid
                + " probe:ready_tcp\nconnected to 127.0.0.1:80",
            "TEND_PROCESS_HEALTH_UNHEALTHY processname:web groupname:web pid:"
                + pid
                + " probe:health_tcp failures:1 action:none\nconnection refused"),
        drain(h));
  }

  @Test
  void anAbstractTendTypeSelectsItsSubtypes() {
    CoreHarness h = harness("TEND_PROCESS_HEALTH");
    assertEquals(1, drain(h).size());
  }

  @Test
  void supervisordsEventNeverDeliversTendsTypes() {
    CoreHarness h = harness("EVENT");
    assertEquals(
        List.of(),
        drain(h).stream().filter(e -> e.startsWith("TEND")).toList(),
        "a supervisord listener never sees a name it cannot know");
  }

  @Test
  void aFailedCheckBelowHealthRetriesIsNoEventAndTheThirdIs() {
    CoreHarness h = started(3, "TEND_PROCESS_HEALTH");
    h.network.answer(true, "connected to 127.0.0.1:80");
    h.loop.runPending();
    for (int i = 1; i <= 3; i++) {
      h.loop.advance(5000);
      h.network.answer(false, "connection refused");
      h.loop.runPending();
    }
    List<String> got = drain(h);
    assertEquals(2, got.size(), "healthy, then unhealthy at the third failure: " + got);
    assertTrue(got.get(0).startsWith("TEND_PROCESS_HEALTH_HEALTHY "), got.get(0));
    assertTrue(got.get(1).startsWith("TEND_PROCESS_HEALTH_UNHEALTHY "), got.get(1));
    assertTrue(got.get(1).endsWith("failures:3 action:none\nconnection refused"), got.get(1));
  }
}
