package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ConnectionException;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.testing.Await;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorLinkTest {
  private final FakeSupervisorApi api = new FakeSupervisorApi();
  private final List<ConsoleEvent> events = new CopyOnWriteArrayList<>();
  private SupervisorLink link;

  private void start(ConsoleOptions o) {
    link = new SupervisorLink(api, o, events::add);
    link.start();
  }

  private static ConsoleOptions options() {
    return ConsoleOptions.defaults(ConsoleOptions.Mode.ATTACHED, "fake")
        .withConfigDir(null)
        .withEnv(Map.of())
        .withStatsInterval(Duration.ofMillis(50));
  }

  @AfterEach
  void close() {
    if (link != null) {
      link.close();
    }
  }

  private <T extends ConsoleEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void postsTheServerThenAFullBatchThenEachChange() {
    api.add("web", "w1").running(10);
    start(options());
    Await.until("a full batch", () -> events(ConsoleEvent.Changes.class).size() == 1);
    assertEquals(
        "tend (fake)", events(ConsoleEvent.Connected.class).get(0).capabilities().server());
    assertTrue(events(ConsoleEvent.Changes.class).get(0).batch().full());
    api.process("web:w1").exited(3);
    ConsoleEvent.Changes second =
        Await.value("the exit", () -> events(ConsoleEvent.Changes.class), l -> l.size() == 2)
            .get(1);
    assertEquals(ProcessState.EXITED, second.batch().processes().get(0).state());
  }

  @Test
  void saysWhenTheServerIsGoneAndReconnectsWithAFullBatch() {
    api.add("web", "w1").running(10);
    start(options());
    Await.until("connected", () -> events(ConsoleEvent.Changes.class).size() == 1);
    api.goAway(ConnectionException.Kind.REFUSED);
    Await.until("lost", () -> !events(ConsoleEvent.ConnectionLost.class).isEmpty());
    api.process("web:w1").stopped(15);
    api.comeBack();
    Await.until("reconnected", () -> events(ConsoleEvent.Connected.class).size() == 2);
    ConsoleEvent.Changes after =
        Await.value(
                "a full batch again", () -> events(ConsoleEvent.Changes.class), l -> l.size() >= 2)
            .get(1);
    assertTrue(after.batch().full());
    assertEquals(ProcessState.STOPPED, after.batch().processes().get(0).state());
  }

  @Test
  void samplesStatsWhenTheServerDoes() {
    api.add("web", "w1").running(10).stats(3.5, 1 << 20);
    start(options());
    ConsoleEvent.Stats s =
        Await.value("stats", () -> events(ConsoleEvent.Stats.class), l -> !l.isEmpty()).get(0);
    assertEquals(3.5, s.sample().get(0).cpuPercent());
  }

  @Test
  void actionsRunOffTheUiThreadAndReportBack() {
    api.add("web", "w1").running(10);
    start(options());
    link.run(ProcessRequest.of(Verb.STOP, new Target.One("web:w1")));
    ConsoleEvent.ActionDone done =
        Await.value("done", () -> events(ConsoleEvent.ActionDone.class), l -> !l.isEmpty()).get(0);
    assertEquals("web:w1: stopped", done.outcome().text());
  }

  @Test
  void followsHistoryThenLiveAndSwitchingClosesTheOldFollow() {
    api.add("web", "w1").running(10);
    api.add("web", "w2").running(11);
    api.log("web:w1", LogStream.STDOUT, "old line\n");
    start(options());
    LogInbox inbox = new LogInbox(1, 100, events::add);
    link.follow(1, inbox, List.of("web:w1"));
    Await.until("two follows", () -> api.openFollows("web:w1") == 2);
    api.log("web:w1", LogStream.STDERR, "new line\n");
    List<LogLine> got = new CopyOnWriteArrayList<>();
    Await.until(
        "both lines",
        () -> {
          got.addAll(inbox.drain().lines());
          return got.size() == 2;
        });
    assertEquals(List.of("old line", "new line"), got.stream().map(LogLine::text).toList());
    assertEquals(LogStream.STDERR, got.get(1).stream());
    link.follow(1, inbox, List.of("web:w2"));
    Await.until("switched", () -> api.openFollows("web:w1") == 0 && api.openFollows("web:w2") == 2);
  }

  @Test
  void lostLogBytesBecomeANotice() {
    api.add("web", "w1").running(10);
    start(options());
    LogInbox inbox = new LogInbox(1, 100, events::add);
    link.follow(1, inbox, List.of("web:w1"));
    Await.until("following", () -> api.openFollows("web:w1") == 2);
    api.loseLog("web:w1", LogStream.STDOUT, 2048);
    LogLine notice = Await.value("notice", () -> inbox.drain().lines(), l -> !l.isEmpty()).get(0);
    assertEquals(
        "web:w1: 2K of stdout lost (log rotated, cleared, or written faster than it was read)",
        notice.text());
    assertEquals(LogLine.Kind.NOTICE, notice.kind());
  }

  @Test
  void theThemeChoiceIsWrittenForNextTime(@TempDir Path dir) throws Exception {
    start(options().withConfigDir(dir));
    link.saveTheme("gruvbox");
    Path prefs = dir.resolve("console.conf");
    Await.until("saved", () -> Files.exists(prefs));
    assertEquals("gruvbox", ConsolePreferences.theme(prefs).orElseThrow());
  }
}
