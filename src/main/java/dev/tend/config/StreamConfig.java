package dev.tend.config;

/**
 * One output stream's settings ({@code stdout_*} or {@code stderr_*}).
 *
 * @param logfileMaxbytes rotate when the file reaches this size; 0 = never
 * @param logfileBackups rotated copies kept ({@code .1} ... {@code .N}); 0 = truncate instead
 * @param captureMaxbytes &gt;0 enables PROCESS_COMMUNICATION capture mode
 * @param timestamps tend only ({@code stdout_logfile_timestamps}): prefix each line with the time
 *     it was received
 */
public record StreamConfig(
    LogFileSpec logfile,
    long logfileMaxbytes,
    int logfileBackups,
    long captureMaxbytes,
    boolean eventsEnabled,
    boolean syslog,
    boolean timestamps) {}
