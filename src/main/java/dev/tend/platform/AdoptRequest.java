package dev.tend.platform;

import org.jspecify.annotations.Nullable;

/**
 * A running process a previous daemon started, to be watched as if this one had spawned it: its
 * exit seen through its pidfd, its output read from the pipes handed back, its stdin written.
 *
 * @param process the process (the launcher takes the handle)
 * @param pipes its pipe ends, or {@link HeldPipes#NONE} (the launcher takes them)
 * @param stdout where its stdout goes (used when {@code pipes} has a stdout end)
 * @param stderr where its stderr goes, or null when it goes into stdout
 */
public record AdoptRequest(
    PidHandle process,
    HeldPipes pipes,
    OutputSink stdout,
    @Nullable OutputSink stderr,
    ExitListener onExit) {}
