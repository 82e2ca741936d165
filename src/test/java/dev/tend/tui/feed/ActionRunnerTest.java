package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.ConnectionException;
import dev.tend.api.ProcessState;
import dev.tend.testing.FakeProcess;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRunnerTest {
  private final FakeSupervisorApi api = new FakeSupervisorApi();
  private final ActionRunner runner = new ActionRunner(api);

  ActionRunnerTest() {
    api.add("api", "api").onStart(FakeProcess.OnStart.FAILS_TO_SPAWN);
    api.add("web", "w1").running(101);
    api.add("web", "w2").running(102);
    api.add("web", "w3");
  }

  private ActionRunner.Outcome run(Verb v, Target t) {
    return runner.run(ProcessRequest.of(v, t));
  }

  @Test
  void oneProcessInSupervisorctlWords() {
    assertEquals(
        new ActionRunner.Outcome("web:w1: stopped", false),
        run(Verb.STOP, new Target.One("web:w1")));
    assertEquals(ProcessState.STOPPED, api.process("web:w1").state());
    assertEquals(
        new ActionRunner.Outcome("web:w1: ERROR (not running)", false),
        run(Verb.STOP, new Target.One("web:w1")));
    assertEquals(
        new ActionRunner.Outcome("api: ERROR (spawn error)", true),
        run(Verb.START, new Target.One("api")));
    assertEquals(
        new ActionRunner.Outcome("nope: ERROR (no such process)", true),
        run(Verb.STOP, new Target.One("nope")));
  }

  @Test
  void restartStopsThenStartsAndToleratesNotRunning() {
    int before = api.process("web:w1").pid();
    assertEquals(
        new ActionRunner.Outcome("web:w3: restarted", false),
        run(Verb.RESTART, new Target.One("web:w3")));
    assertEquals(
        new ActionRunner.Outcome("web:w1: restarted", false),
        run(Verb.RESTART, new Target.One("web:w1")));
    assertEquals(ProcessState.RUNNING, api.process("web:w1").state());
    assertEquals(true, api.process("web:w1").pid() != before);
  }

  @Test
  void groupsAndAllAreSummarised() {
    assertEquals(
        new ActionRunner.Outcome("group web (web:*): stopped 2 of 2", false),
        run(Verb.STOP, new Target.Group("web")));
    assertEquals(
        new ActionRunner.Outcome("all processes: started 3 of 4; api: ERROR (spawn error)", true),
        run(Verb.START, new Target.All()));
    assertEquals(
        new ActionRunner.Outcome("group web (web:*): nothing to start", false),
        run(Verb.START, new Target.Group("web")));
  }

  @Test
  void signalsAndTheirFaults() {
    assertEquals(
        new ActionRunner.Outcome("web:w1: signalled (SIGHUP)", false),
        runner.run(ProcessRequest.signal("HUP", new Target.One("web:w1"))));
    assertEquals(List.of("HUP"), api.process("web:w1").signals());
    assertEquals(
        new ActionRunner.Outcome("web:w3: ERROR (not running)", true),
        runner.run(ProcessRequest.signal("HUP", new Target.One("web:w3"))));
  }

  @Test
  void aLostServerIsAMessageNotAStackTrace() {
    api.goAway(ConnectionException.Kind.REFUSED);
    assertEquals(
        new ActionRunner.Outcome(
            "cannot stop all processes: cannot reach the supervisor (unix:///fake.sock refused connection)",
            true),
        run(Verb.STOP, new Target.All()));
  }

  @Test
  void severalProcessesOneByOne() {
    assertEquals(
        new ActionRunner.Outcome(
            "2 processes (web:w1, web:w3): stopped 1 of 2; web:w3: ERROR (not running)", false),
        run(Verb.STOP, new Target.Several(List.of("web:w1", "web:w3"))));
  }
}
