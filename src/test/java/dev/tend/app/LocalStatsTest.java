package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's own /proc sampling for a supervisord on this machine, on this JVM's real pid. */
class LocalStatsTest {
  private final int pid = (int) ProcessHandle.current().pid();
  private final ProcessInfo running =
      new ProcessInfo(
          "web", "web", "pid " + pid, 100, 0, 100, ProcessState.RUNNING, "", 0, "", "", pid, -1, 0);
  private int allProcessInfoCalls;

  private final SupervisorApi supervisord =
      (SupervisorApi)
          Proxy.newProxyInstance(
              SupervisorApi.class.getClassLoader(),
              new Class<?>[] {SupervisorApi.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "capabilities" -> SupervisorApi.Capabilities.supervisord("4.2.5");
                    case "getAllProcessInfo" -> {
                      allProcessInfoCalls++;
                      yield List.of(running);
                    }
                    case "waitForChanges" ->
                        new ChangeBatch(
                            1, true, SupervisorState.RUNNING, List.of(running), List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  @Test
  void afterTheChangeFeedsFirstBatchSamplingAsksSupervisordNothing() {
    SupervisorApi console = LocalStats.around(supervisord);
    console.waitForChanges(0, Duration.ofSeconds(1));
    List<ProcessStats> stats = console.getProcessStats();
    console.getProcessStats();
    assertEquals(List.of("web"), stats.stream().map(ProcessStats::namespec).toList());
    assertEquals(pid, stats.get(0).pid());
    assertEquals(0, allProcessInfoCalls, "the pids came from the change feed's batch");
  }

  @Test
  void beforeAnyBatchTheSampleAsksForTheProcesses() {
    SupervisorApi console = LocalStats.around(supervisord);
    List<ProcessStats> stats = console.getProcessStats();
    assertEquals(List.of("web"), stats.stream().map(ProcessStats::namespec).toList());
    assertEquals(1, allProcessInfoCalls);
  }
}
