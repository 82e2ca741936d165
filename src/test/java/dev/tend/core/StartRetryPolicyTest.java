package dev.tend.core;

import static dev.tend.api.ProcessState.BACKOFF;
import static dev.tend.api.ProcessState.EXITED;
import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.Autorestart;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retry rule is a policy the state machine asks: supervisord's by default, and any other one
 * changes when the machine retries, gives up and restarts, without a change to the machine.
 */
class StartRetryPolicyTest {

  @Test
  void supervisordsRuleWaitsOneSecondMorePerFailureAndGivesUpPastStartretries() {
    StartRetryPolicy p = new SupervisordRetry(3);
    assertEquals(StartRetryPolicy.Retry.after(1000), p.afterFailedStart(1, 0));
    assertEquals(StartRetryPolicy.Retry.after(3000), p.afterFailedStart(3, 0));
    assertTrue(p.afterFailedStart(4, 0).giveUp());
    assertEquals(0, p.failuresWhenRunning(3), "reaching RUNNING forgets the failures");
    assertEquals(0, p.failuresAfterRun(3, 10), "so does an exit after startsecs");
    assertEquals(0, p.autorestartDelayMillis(2, 0));
  }

  @Test
  void theDefaultPolicyIsSupervisords() {
    ProcessConfig c = with(process("web", "server"), b -> b.startretries(5));
    StartRetryPolicy p = StartRetryPolicy.of(c);
    assertFalse(p.afterFailedStart(5, 0).giveUp());
    assertTrue(p.afterFailedStart(6, 0).giveUp());
  }

  /** Doubles from 1 s, never gives up, keeps its failures across good runs, delays autorestarts. */
  private static final class Doubling implements StartRetryPolicy {
    final List<Integer> asked = new ArrayList<>();

    @Override
    public Retry afterFailedStart(int failures, long nowMillis) {
      asked.add(failures);
      return Retry.after(1000L << (failures - 1));
    }

    @Override
    public int failuresWhenRunning(int failures) {
      return failures;
    }

    @Override
    public int failuresAfterRun(int failures, long upMillis) {
      return failures;
    }

    @Override
    public long autorestartDelayMillis(int failures, long nowMillis) {
      return 7000;
    }
  }

  private static CoreHarness withPolicy(Doubling policy, Autorestart autorestart) {
    ProcessConfig p =
        with(
            process("web", "server"), b -> b.startsecs(1).startretries(0).autorestart(autorestart));
    return new CoreHarness(config(program(p)), c -> policy).start();
  }

  @Test
  void failedStartsAreRetriedAfterThePolicysDelayAndNeverGivenUpWhenItSaysSo() {
    Doubling policy = new Doubling();
    CoreHarness h = withPolicy(policy, Autorestart.FALSE);
    for (int failure = 1; failure <= 3; failure++) {
      h.exit("web", 1);
      assertEquals(BACKOFF, h.state("web"), "startretries=0 would be FATAL under supervisord");
      int spawned = h.launcher.spawnCount();
      long delay = 1000L << (failure - 1);
      h.loop.advance(delay - 1);
      assertEquals(spawned, h.launcher.spawnCount(), "not before the policy's delay");
      h.loop.advance(1);
      assertEquals(spawned + 1, h.launcher.spawnCount());
      assertEquals(STARTING, h.state("web"));
    }
    assertEquals(List.of(1, 2, 3), policy.asked);
  }

  @Test
  void aGoodRunKeepsTheFailuresThePolicyKeeps() {
    Doubling policy = new Doubling();
    CoreHarness h = withPolicy(policy, Autorestart.FALSE);
    h.exit("web", 1);
    h.loop.advance(1000);
    h.loop.advance(1001);
    assertEquals(RUNNING, h.state("web"));
    h.supervisor.stopProcess("web", false);
    h.exit("web", 0);
    h.supervisor.startProcess("web", false);
    h.exit("web", 1);
    assertEquals(List.of(1, 2), policy.asked, "the count went on past RUNNING");
  }

  @Test
  void anAutorestartWaitsForThePolicysDelay() {
    CoreHarness h = withPolicy(new Doubling(), Autorestart.TRUE);
    h.loop.advance(1001);
    assertEquals(RUNNING, h.state("web"));
    int spawned = h.launcher.spawnCount();
    h.exit("web", 0);
    h.loop.advance(6999);
    assertEquals(EXITED, h.state("web"));
    assertEquals(spawned, h.launcher.spawnCount());
    h.loop.advance(1);
    assertEquals(STARTING, h.state("web"));
    assertEquals(spawned + 1, h.launcher.spawnCount());
  }

  @Test
  void aStartDuringTheAutorestartDelayCancelsTheDelayedRestart() {
    CoreHarness h = withPolicy(new Doubling(), Autorestart.TRUE);
    h.loop.advance(1001);
    h.exit("web", 0);
    h.supervisor.startProcess("web", false);
    int spawned = h.launcher.spawnCount();
    h.loop.advance(1001);
    assertEquals(RUNNING, h.state("web"));
    h.loop.advance(7000);
    assertEquals(spawned, h.launcher.spawnCount(), "no second spawn from the cancelled delay");
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void supervisordsRuleStillGoesFatalWhenStartretriesIsZero() {
    ProcessConfig p = with(process("web", "server"), b -> b.startsecs(1).startretries(0));
    CoreHarness h = new CoreHarness(config(program(p))).start();
    h.exit("web", 1);
    assertEquals(FATAL, h.state("web"));
  }

  private static CoreHarness backingOff(TendSettings.Backoff backoff, Autorestart autorestart) {
    TendSettings t = new TendSettings(List.of(), null, null, backoff);
    ProcessConfig p =
        with(
            process("web", "server"),
            b -> b.startsecs(1).startretries(10).autorestart(autorestart).tend(t));
    return new CoreHarness(config(program(p))).start();
  }

  /** The time from each exit to the next spawn, in ms, for {@code failures} quick failures. */
  private static List<Long> delaysOfQuickFailures(CoreHarness h, int failures) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      h.exit("web", 1);
      long failedAt = h.loop.monotonicMillis();
      int spawned = h.launcher.spawnCount();
      while (h.launcher.spawnCount() == spawned) {
        h.loop.advance(100);
      }
      delays.add(h.loop.monotonicMillis() - failedAt);
    }
    return delays;
  }

  @Test
  void exponentialBackoffDoublesFromInitialUpToMax() {
    CoreHarness h =
        backingOff(
            new TendSettings.Backoff(TendSettings.Backoff.Kind.EXPONENTIAL, 1, 5, 60),
            Autorestart.FALSE);
    assertEquals(List.of(1000L, 2000L, 4000L, 5000L, 5000L), delaysOfQuickFailures(h, 5));
    assertEquals(5, h.info("web").restarts());
  }

  @Test
  void linearBackoffFromItsInitial() {
    CoreHarness h =
        backingOff(
            new TendSettings.Backoff(TendSettings.Backoff.Kind.LINEAR, 2, 5, 60),
            Autorestart.FALSE);
    assertEquals(List.of(2000L, 4000L, 5000L), delaysOfQuickFailures(h, 3));
  }

  @Test
  void backoffStillGivesUpPastStartretries() {
    CoreHarness h =
        backingOff(
            new TendSettings.Backoff(TendSettings.Backoff.Kind.EXPONENTIAL, 1, 60, 60),
            Autorestart.FALSE);
    delaysOfQuickFailures(h, 10);
    h.exit("web", 1);
    assertEquals(FATAL, h.state("web"));
  }

  @Test
  void aCrashLoopPastStartsecsBacksOffUntilARunLastsResetAfter() {
    CoreHarness h =
        backingOff(
            new TendSettings.Backoff(TendSettings.Backoff.Kind.EXPONENTIAL, 1, 60, 30),
            Autorestart.TRUE);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      h.loop.advance(2000); // RUNNING after 1 s, crashes after 2 s
      assertEquals(RUNNING, h.state("web"));
      h.exit("web", 1);
      long exitedAt = h.loop.monotonicMillis();
      int spawned = h.launcher.spawnCount();
      while (h.launcher.spawnCount() == spawned) {
        h.loop.advance(100);
      }
      delays.add(h.loop.monotonicMillis() - exitedAt);
    }
    assertEquals(List.of(1000L, 2000L, 4000L, 8000L), delays, "supervisord restarts at once");
    h.loop.advance(30_000);
    h.exit("web", 1);
    assertEquals(STARTING, h.state("web"), "a 30 s run forgot the failures: restarted at once");
  }

  @Test
  void theBackoffKeysChooseTendsPolicy() {
    ProcessConfig c =
        with(
            process("web", "server"),
            b ->
                b.tend(
                    new TendSettings(
                        List.of(),
                        null,
                        null,
                        new TendSettings.Backoff(TendSettings.Backoff.Kind.LINEAR, 1, 60, 60))));
    assertTrue(StartRetryPolicy.of(c) instanceof BackoffRetry);
    assertTrue(StartRetryPolicy.of(process("web", "x")) instanceof SupervisordRetry);
  }
}
