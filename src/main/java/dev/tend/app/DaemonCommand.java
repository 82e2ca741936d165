package dev.tend.app;

import java.io.PrintStream;

/** {@code tend daemon}: supervisord's command line. */
final class DaemonCommand {
  private DaemonCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    err.println("tend daemon: not built yet");
    return 2;
  }
}
