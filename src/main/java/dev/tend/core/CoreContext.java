package dev.tend.core;

import dev.tend.api.ProcessInfo;
import dev.tend.platform.ProcessLauncher;
import dev.tend.platform.UserDatabase;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every process's state machine shares: the loop and clock, the OS seam, and where state
 * changes go. Loop thread only (the fields are immutable; what they point at has its own rules).
 *
 * @param mayStart false once the supervisor is shutting down or restarting: nothing is spawned
 * @param infoChanged told when what a process reports changed without a state change (the pid of a
 *     STARTING process once the spawn returned)
 */
record CoreContext(
    CoreLoop loop,
    CoreClock clock,
    ProcessLauncher launcher,
    CommandPreparer preparer,
    UserDatabase users,
    ChildEnvironment environment,
    StateListener listener,
    Consumer<ProcessInfo> infoChanged,
    BooleanSupplier mayStart,
    ZoneId zone,
    ProcessTrees trees,
    EventHub events) {}
