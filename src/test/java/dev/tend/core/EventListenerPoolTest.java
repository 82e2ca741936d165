package dev.tend.core;

import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ProcessState;
import dev.tend.config.EventListenerConfig;
import dev.tend.config.GroupConfig;
import dev.tend.config.GroupKind;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.ExitStatus;
import dev.tend.testing.TestConfigs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The listener protocol and pool buffer of spec §6.1, on a fake clock and launcher. */
class EventListenerPoolTest {
  private static final Pattern HEADER =
      Pattern.compile(
          "ver:3\\.0 server:supervisor serial:(\\d+) pool:rec poolserial:(\\d+) eventname:(\\S+)"
              + " len:(\\d+)\n");

  private final CoreHarness h = harness(2, "REMOTE_COMMUNICATION");

  /** A pool "rec" of one listener with this buffer and subscriptions, and a program "job". */
  private static CoreHarness harness(int bufferSize, String events) {
    ProcessConfig rec = with(process("rec", "listener"), b -> b.startsecs(0));
    GroupConfig pool =
        new GroupConfig(
            "rec",
            GroupKind.EVENT_LISTENER,
            -1,
            List.of(rec),
            new EventListenerConfig(
                List.of(events.split(",")), bufferSize, "supervisor.dispatchers:default_handler"),
            null);
    CoreHarness h =
        new CoreHarness(
                TestConfigs.config(
                    pool, program(with(process("job", "job"), b -> b.autostart(false)))))
            .start();
    h.loop.advance(1);
    return h;
  }

  private void say(String text) {
    say(h, text);
  }

  private static void say(CoreHarness h, String text) {
    h.child("rec")
        .request()
        .stdout()
        .onData(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    h.loop.runPending();
  }

  private List<String> received() {
    return received(h);
  }

  /** The events written to the listener's stdin so far: "serial/poolserial NAME payload". */
  private static List<String> received(CoreHarness h) {
    String in = h.child("rec").stdin();
    List<String> out = new ArrayList<>();
    Matcher m = HEADER.matcher(in);
    int at = 0;
    while (m.find(at)) {
      int len = Integer.parseInt(m.group(4));
      String payload = in.substring(m.end(), m.end() + len);
      out.add(m.group(1) + "/" + m.group(2) + " " + m.group(3) + " " + payload);
      at = m.end() + len;
    }
    assertEquals(in.length(), at, "nothing but whole events on stdin: " + in);
    return out;
  }

  private void remote(String data) {
    h.supervisor.sendRemoteCommEvent("t", data);
    h.loop.runPending();
  }

  @Test
  void eventsWaitForReadyAndGoOneAtATime() {
    assertEquals(ProcessState.RUNNING, h.state("rec"));
    remote("one");
    remote("two");
    assertEquals(List.of(), received(), "not READY yet");
    say("READY\n");
    assertEquals(List.of("0/0 REMOTE_COMMUNICATION type:t\none"), received());
    say("RESULT 2\nOK");
    assertEquals(1, received().size(), "ACKNOWLEDGED: waits for READY again");
    say("READY\n");
    assertEquals(
        List.of("0/0 REMOTE_COMMUNICATION type:t\none", "1/1 REMOTE_COMMUNICATION type:t\ntwo"),
        received());
  }

  @Test
  void aRejectedEventIsSentAgainFirst() {
    remote("one");
    remote("two");
    say("READY\n");
    say("RESULT 4\nFAILREADY\n");
    List<String> got = received();
    assertEquals(2, got.size());
    assertEquals(got.get(0), got.get(1), "the same event, same serials, again");
  }

  @Test
  void aFullBufferDropsTheOldest() {
    remote("one");
    remote("two");
    remote("three");
    say("READY\n");
    assertTrue(received().get(0).endsWith("two"), "one was dropped: " + received());
  }

  @Test
  void outputWhileReadyBreaksTheProtocolForGood() {
    say("READY\n");
    say("hello\n");
    remote("one");
    say("READY\n");
    assertEquals(List.of(), received(), "UNKNOWN listeners get nothing");
    assertEquals(ProcessState.RUNNING, h.state("rec"), "but keep running");
  }

  @Test
  void aListenerThatDiesWhileBusyGivesItsEventBack() {
    remote("one");
    say("READY\n");
    assertEquals(1, received().size());
    int firstPid = h.pid("rec");
    h.launcher.exit(firstPid, ExitStatus.exited(1));
    h.loop.runPending();
    h.loop.advance(1001);
    assertEquals(ProcessState.RUNNING, h.state("rec"), "restarted");
    say("READY\n");
    assertEquals(List.of("0/0 REMOTE_COMMUNICATION type:t\none"), received());
  }

  @Test
  void stateEventsCarrySupervisordsPayload() {
    CoreHarness t = harness(10, "PROCESS_STATE_STOPPED");
    t.supervisor.startProcess("job", false);
    t.loop.advance(1001);
    t.supervisor.stopProcess("job", false);
    int pid = t.pid("job");
    t.exit("job", 0);
    say(t, "READY\n");
    assertEquals(
        List.of(
            "0/0 PROCESS_STATE_STOPPED processname:job groupname:job from_state:STOPPING pid:"
                + pid),
        received(t));
  }

  @Test
  void ticksFollowTheWallClockBoundaries() {
    CoreHarness t = harness(10, "TICK_5");
    long now = t.loop.wallMillis() / 1000;
    t.loop.advance(10_000);
    say(t, "READY\n");
    say(t, "RESULT 2\nOKREADY\n");
    long first = (now / 5 + 1) * 5;
    assertEquals(
        List.of("0/0 TICK_5 when:" + first, "1/1 TICK_5 when:" + (first + 5)), received(t));
  }
}
