package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :deps NAME}: the start and stop order from the rows' resolved depends_on. */
class DependencyOrderTest {
  private static ProcessRow row(String group, String name, String... dependsOn) {
    ProcessInfo i =
        new ProcessInfo(
            name,
            group,
            "",
            0,
            0,
            0,
            ProcessState.STOPPED,
            "",
            0,
            "",
            "",
            0,
            0,
            0,
            Health.NONE,
            "",
            List.of(dependsOn));
    return new ProcessRow(i, 0, 0, null);
  }

  /** The demo: web, worker needs web, three consumers need the worker; api alone. */
  private static final List<ProcessRow> DEMO =
      List.of(
          row("web", "web"),
          row("worker", "worker", "web"),
          row("queue", "consumer_00", "worker"),
          row("queue", "consumer_01", "worker"),
          row("site", "api"));

  @Test
  void aChainStartsFromTheBottomAndStopsFromTheTop() {
    assertEquals(
        "start: web, worker · stop: queue:consumer_00, queue:consumer_01, worker",
        DependencyOrder.describe(DEMO, "worker"));
    assertEquals(
        "start: web, worker, queue:consumer_00, queue:consumer_01"
            + " · stop: queue:consumer_00, queue:consumer_01",
        DependencyOrder.describe(DEMO, "queue:*"));
  }

  @Test
  void aProcessOutsideTheGraphAndAnUnknownName() {
    assertEquals(
        "site:api: no dependencies, nothing depends on it",
        DependencyOrder.describe(DEMO, "site:api"));
    assertEquals("no process nosuch", DependencyOrder.describe(DEMO, "nosuch"));
  }

  @Test
  void aCycleFromAnOlderServerEndsInsteadOfLoopingForever() {
    List<ProcessRow> rows = List.of(row("a", "a", "b"), row("b", "b", "a"));
    assertEquals("start: b, a · stop: b, a", DependencyOrder.describe(rows, "a"));
  }
}
