package dev.tend.api;

import java.util.List;

/**
 * What changed since a cursor ({@code tend.waitForChanges}).
 *
 * @param cursor pass it to the next call to receive only later changes
 * @param full true when {@code processes} is the complete set (first call, or the cursor was too
 *     old); then any process not listed no longer exists
 * @param processes processes whose info changed, in {@code getAllProcessInfo} order
 * @param removed namespecs of processes that no longer exist (empty when {@code full})
 */
public record ChangeBatch(
    long cursor,
    boolean full,
    SupervisorState state,
    List<ProcessInfo> processes,
    List<String> removed) {
  public ChangeBatch {
    processes = List.copyOf(processes);
    removed = List.copyOf(removed);
  }
}
