package dev.tend.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ProcessState;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event listeners with a real listener process, against tend and against supervisord. */
class EventListenerIT {
  private static final Path LISTENER = Path.of("src/test/resources/fixtures/listener.py");

  @TempDir Path dir;

  private static List<String> events(Path file, String process) {
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      return Files.readAllLines(file).stream()
          .filter(l -> l.contains("processname:" + process + " "))
          .map(l -> l.replaceAll("pid:\\d+", "pid:N"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static final List<String> JOB_LIFE =
      List.of(
          "PROCESS_STATE_STARTING\tprocessname:job groupname:job from_state:STOPPED tries:0",
          "PROCESS_STATE_RUNNING\tprocessname:job groupname:job from_state:STARTING pid:N",
          "PROCESS_STATE_EXITED\tprocessname:job groupname:job from_state:RUNNING expected:1 pid:N");

  @org.junit.jupiter.api.BeforeEach
  void needsPython() {
    dev.tend.testing.TestDependency.require("python3");
  }

  @Test
  void aListenerGetsTheSameStateEventsFromTendAsFromSupervisord() throws Exception {
    Path tendOut = dir.resolve("tend-events.txt");
    Path listenerPath = LISTENER.toAbsolutePath();
    try (LiveSupervisor tend =
        new LiveSupervisor(
            Files.createDirectories(dir.resolve("tend")),
            "[eventlistener:rec]\ncommand=python3 "
                + listenerPath
                + " "
                + tendOut
                + "\nevents=PROCESS_STATE\n"
                + "[program:job]\ncommand=sh -c 'sleep 1.5; exit 0'\nstartsecs=1\n"
                + "autorestart=false\n")) {
      tend.awaitState("job", ProcessState.EXITED);
      Await.until("three events", Duration.ofSeconds(20), () -> events(tendOut, "job").size() == 3);
    }
    Path realOut = dir.resolve("real-events.txt");
    try (RealSupervisord real =
        RealSupervisord.in(Files.createDirectories(dir.resolve("real")))
            .section(
                "eventlistener:rec",
                "command=python3 " + listenerPath + " " + realOut,
                "events=PROCESS_STATE")
            .program("job", "command=sh -c 'sleep 1.5; exit 0'", "startsecs=1", "autorestart=false")
            .start()) {
      Await.until(
          "three events from supervisord " + real.pid(),
          Duration.ofSeconds(20),
          () -> events(realOut, "job").size() == 3);
    }
    assertEquals(JOB_LIFE, events(realOut, "job"), "what supervisord sends");
    assertEquals(JOB_LIFE, events(tendOut, "job"), "what tend sends");
  }

  @Test
  void rejectedEventsAreSentAgainAndRemoteCommunicationArrives() throws Exception {
    Path out = dir.resolve("events.txt");
    try (LiveSupervisor tend =
        new LiveSupervisor(
            dir,
            "[eventlistener:rec]\ncommand=python3 "
                + LISTENER.toAbsolutePath()
                + " "
                + out
                + " 1\nevents=REMOTE_COMMUNICATION\n")) {
      tend.awaitState("rec", ProcessState.RUNNING);
      tend.supervisor.sendRemoteCommEvent("greeting", "hello");
      Await.until(
          "the event twice (rejected once)", Duration.ofSeconds(20), () -> lines(out).size() == 2);
      assertEquals(
          List.of(
              "REMOTE_COMMUNICATION\ttype:greeting\\nhello",
              "REMOTE_COMMUNICATION\ttype:greeting\\nhello"),
          lines(out));
      assertTrue(tend.info("rec").state() == ProcessState.RUNNING);
    }
  }

  @Test
  void processLogEventsCarryWhatTheProgramWrote() throws Exception {
    Path out = dir.resolve("events.txt");
    try (LiveSupervisor tend =
        new LiveSupervisor(
            dir,
            "[eventlistener:rec]\ncommand=python3 "
                + LISTENER.toAbsolutePath()
                + " "
                + out
                + "\nevents=PROCESS_LOG\n"
                + "[program:talk]\ncommand=sh -c 'sleep 1; echo hello; sleep 300'\n"
                + "stdout_events_enabled=true\nstartsecs=0\n")) {
      tend.awaitState("talk", ProcessState.RUNNING);
      Await.until("an event", Duration.ofSeconds(20), () -> !lines(out).isEmpty());
      String line = lines(out).get(0);
      assertTrue(
          line.matches(
              "PROCESS_LOG_STDOUT\tprocessname:talk groupname:talk pid:\\d+ channel:stdout\\\\nhello\\\\n"),
          line);
    }
  }

  private static List<String> lines(Path p) {
    try {
      return Files.exists(p) ? Files.readAllLines(p) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
