package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.testing.Await;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.LogLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pane's follows on the fake: history then live at the seam, merged sets, silence when closed.
 */
class LogFollowerTest {
  private final FakeSupervisorApi api = new FakeSupervisorApi();
  private final List<ConsoleEvent> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final LogInbox inbox = new LogInbox(1, 100_000, posted::add);
  private final LogFollower follower =
      new LogFollower(api, Executors.newSingleThreadExecutor(), Clock.systemUTC(), 4096, 4096);
  private final List<LogLine> got = new ArrayList<>();

  LogFollowerTest() {
    api.add("a", "a").running(10);
    api.add("b", "b").running(11);
  }

  @AfterEach
  void close() {
    follower.close();
  }

  private List<String> texts(int atLeast) {
    Await.until(
        atLeast + " lines",
        () -> {
          got.addAll(inbox.drain().lines());
          return got.size() >= atLeast;
        });
    return got.stream().map(LogLine::text).toList();
  }

  @Test
  void historyThenLiveWithNoGapOrDuplicateWhileTheProcessWrites() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    for (int i = 0; i < 1000; i++) {
      api.log("a", LogStream.STDOUT, "n=" + written.incrementAndGet() + "\n");
    }
    Thread writer =
        new Thread(
            () -> {
              while (writing.get()) {
                api.log("a", LogStream.STDOUT, "n=" + written.incrementAndGet() + "\n");
              }
            });
    writer.start();
    follower.follow(1, inbox, List.of("a"));
    // the follow opens on the follower's own thread: its history is taken when the fake counts it
    Await.until("both streams followed", () -> api.openFollows("a") == 2);
    int atFollow = written.get(); // no history line can be newer than this
    Await.until(
        "live lines well after the follow",
        () -> {
          got.addAll(inbox.drain().lines());
          return !got.isEmpty() && number(got.get(got.size() - 1)) > atFollow + 2000;
        });
    writing.set(false);
    writer.join();
    int last = written.get();
    Await.until(
        "the last line",
        () -> {
          got.addAll(inbox.drain().lines());
          return number(got.get(got.size() - 1)) == last;
        });
    int first = number(got.get(0));
    assertTrue(first > 1 && first <= atFollow, "history: whole lines before the follow: " + first);
    for (int i = 0; i < got.size(); i++) {
      assertEquals("n=" + (first + i), got.get(i).text(), "line " + i + " of " + got.size());
    }
  }

  private static int number(LogLine l) {
    return Integer.parseInt(l.text().substring(2));
  }

  @Test
  void historyThatFitsItsWindowKeepsItsFirstLine() {
    api.log("a", LogStream.STDOUT, "one\ntwo\n");
    follower.follow(1, inbox, List.of("a"));
    assertEquals(List.of("one", "two"), texts(2));
  }

  @Test
  void updatingAMergedSetKeepsWhatItFollowsAndStartsNewcomersFromTheirHistory() {
    api.log("a", LogStream.STDOUT, "a-old\n");
    api.log("b", LogStream.STDERR, "b-old\n");
    follower.follow(1, inbox, List.of("a"));
    assertEquals(List.of("a-old"), texts(1));
    follower.update(1, inbox, List.of("a", "b"));
    Await.until("b followed", () -> api.openFollows("b") == 2);
    api.log("a", LogStream.STDOUT, "a-new\n");
    assertEquals(List.of("a-old", "b-old", "a-new"), texts(3));
    assertEquals("b", got.get(1).source());
    assertEquals(LogStream.STDERR, got.get(1).stream());
    follower.update(1, inbox, List.of("b"));
    Await.until("a closed", () -> api.openFollows("a") == 0);
    api.log("b", LogStream.STDOUT, "b-new\n");
    assertEquals(List.of("a-old", "b-old", "a-new", "b-new"), texts(4));
  }

  @Test
  void aFollowEndedByTheServerSaysSoButOneWeClosedSaysNothing() {
    follower.follow(1, inbox, List.of("a", "b"));
    Await.until("following", () -> api.openFollows() == 4);
    follower.update(1, inbox, List.of("b"));
    Await.until("a closed", () -> api.openFollows("a") == 0);
    api.remove("b");
    List<String> notices = texts(2);
    assertEquals(
        List.of(
            "b: stdout follow ended: process removed", "b: stderr follow ended: process removed"),
        notices);
  }

  @Test
  void followingAnotherSetDropsWhatTheOldOneHadWaiting() {
    api.log("a", LogStream.STDOUT, "a-old\n");
    follower.follow(1, inbox, List.of("a"));
    Await.until("following a", () -> api.openFollows("a") == 2);
    follower.follow(1, inbox, List.of("b"));
    Await.until("following b only", () -> api.openFollows("a") == 0 && api.openFollows("b") == 2);
    api.log("b", LogStream.STDOUT, "b-new\n");
    assertEquals(List.of("b-new"), texts(1));
  }
}
