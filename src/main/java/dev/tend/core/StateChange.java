package dev.tend.core;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;

/**
 * One transition of one process, published after it happened (supervisord's PROCESS_STATE_* events
 * carry the same facts).
 *
 * @param info the process as it is after the change
 * @param expected for EXITED: whether the exit code was expected
 * @param tries the backoff count (for STARTING and BACKOFF events)
 * @param pid the pid the process had at the change (EXITED and STOPPED keep the old pid)
 */
public record StateChange(
    ProcessInfo info, ProcessState from, ProcessState to, boolean expected, int tries, int pid) {}
