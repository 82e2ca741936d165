package dev.tend.app;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code tend}: dispatches to the daemon, the ctl, the demo, or the console. */
public final class Main {
  private Main() {}

  static final String USAGE =
      """
      tend: a process supervisor with a console, compatible with supervisord.

      usage:
        tend [-c FILE | -s URL] [--read-only]   the console: attach to a running supervisor, or host
                                                 the config's programs when none answers
        tend demo                                the console on the bundled demo config
        tend daemon [-c FILE] [-n] [--check] ... the supervisor daemon (supervisord's options)
        tend ctl [-c FILE] [-s URL] [VERB ...]   one command, or a shell (supervisorctl's verbs);
                                                 -s many times, -g GROUP: on many servers
        tend servers [--check | --local]         the servers file's servers and groups, or the
                                                 instances found on this host
        tend completion bash|zsh                 a completion script for tend and tend ctl
        tend --version | --help
      """;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String first = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    return switch (first) {
      case "--help", "help" -> {
        out.print(USAGE);
        yield 0;
      }
      case "-v", "--version", "version" -> {
        out.print(Version.describe());
        yield 0;
      }
      case "daemon" -> DaemonCommand.run(rest, out, err);
      case "keeper" -> KeeperCommand.run(rest, err);
      case "ctl" -> CtlCommand.run(rest, CtlCommand.Environment.system(out, err));
      case "servers" -> ServersCommand.run(rest, CtlCommand.Environment.system(out, err));
      case "completion" -> CompletionCommand.run(rest, CtlCommand.Environment.system(out, err));
      case "demo" -> ConsoleCommand.demo(rest, out, err);
      default -> ConsoleCommand.run(args, out, err);
    };
  }
}
