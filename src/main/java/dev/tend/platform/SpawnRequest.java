package dev.tend.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to start one child the way supervisord does: its own process group, stdin,
 * stdout and stderr pipes (stderr joined to stdout when {@code stderr} is null), no other file
 * descriptor of the daemon, default signal dispositions and an empty signal mask.
 *
 * @param executable the resolved program file (see {@link CommandResolver})
 * @param argv the arguments; argv[0] is the command's first word as written, not the resolved path
 * @param environment the complete environment of the child
 * @param directory working directory of the child, or null to inherit the daemon's
 * @param umask the child's umask, or null to inherit
 * @param user the account to run as (needs root), or null to stay the daemon's user
 * @param stdinFd a descriptor to use as the child's stdin instead of a pipe (fcgi sockets), or -1
 * @param stderr where stderr goes, or null to send it into the stdout pipe (redirect_stderr)
 */
public record SpawnRequest(
    Path executable,
    List<String> argv,
    Map<String, String> environment,
    @Nullable Path directory,
    @Nullable Integer umask,
    @Nullable UserAccount user,
    int stdinFd,
    OutputSink stdout,
    @Nullable OutputSink stderr,
    ExitListener onExit) {

  public SpawnRequest {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must hold at least the program name");
    }
  }
}
