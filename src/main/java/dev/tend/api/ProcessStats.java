package dev.tend.api;

/**
 * Resource use of one process and every descendant it has (tend only; from /proc).
 *
 * @param cpuPercent CPU use since the previous sample, 100 = one core
 * @param rssBytes resident memory of the process and its descendants
 * @param processCount the process plus its live descendants
 */
public record ProcessStats(
    String namespec, int pid, double cpuPercent, long rssBytes, int processCount) {}
