package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogStream;
import dev.tend.api.PythonText;
import java.util.List;
import java.util.Locale;

/**
 * {@code tail [-f|-N] name [stdout|stderr]}: the last 1600 (or N) bytes of a process log, or the
 * log as it grows. Beyond supervisorctl, {@code tail -f} takes several names, {@code group:*} and
 * {@code all} and follows them all at once, each line prefixed by its process (supervisord issue
 * #246); every form supervisorctl accepts behaves as there.
 */
final class TailVerb implements Verb {
  static final int DEFAULT_BYTES = 1600;

  @Override
  public String help() {
    return """
        tail [-f] <name> [stdout|stderr] (default stdout)
        Ex:
        tail -f <name>\t\tContinuous tail of named process stdout
        \t\t\tCtrl-C to exit.
        tail -100 <name>\tlast 100 *bytes* of process stdout
        tail <name> stderr\tlast 1600 *bytes* of process stderr
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> args = PythonText.split(arg);
    if (MultiTail.applies(args)) {
      MultiTail.run(s, args.subList(1, args.size()));
      return;
    }
    if (args.isEmpty() || args.size() > 3) {
      s.println(args.isEmpty() ? "Error: too few arguments" : "Error: too many arguments");
      s.exit(Lsb.GENERIC);
      s.printHelp(help());
      return;
    }
    String modifier = args.get(0).startsWith("-") ? args.get(0) : null;
    List<String> rest = modifier == null ? args : args.subList(1, args.size());
    if (rest.isEmpty()) {
      s.println("Error: tail requires process name");
      s.exit(Lsb.GENERIC);
      return;
    }
    String name = rest.get(0);
    String channel = "stdout";
    if (rest.size() > 1) {
      channel = rest.get(rest.size() - 1).toLowerCase(Locale.ROOT);
      if (!channel.equals("stdout") && !channel.equals("stderr")) {
        s.println("Error: bad channel " + PythonText.repr(channel));
        s.exit(Lsb.GENERIC);
        return;
      }
    }
    long bytes = DEFAULT_BYTES;
    if (modifier != null) {
      if (modifier.equals("-f")) {
        String path = "/logtail/" + name + "/" + channel;
        LogStream stream = LogStream.valueOf(channel.toUpperCase(Locale.ROOT));
        LogStreaming.tailf(s, path, l -> s.link().logtail(name, stream, l));
        return;
      }
      try {
        bytes = PythonFormat.parseInt(modifier.substring(1));
      } catch (NumberFormatException e) {
        s.println("Error: bad argument " + modifier);
        s.exit(Lsb.GENERIC);
        return;
      }
    }
    read(s, name, channel, bytes);
  }

  private static void read(CtlSession s, String name, String channel, long bytes) {
    LogStream stream = channel.equals("stdout") ? LogStream.STDOUT : LogStream.STDERR;
    byte[] log;
    try {
      log = s.api().readProcessLog(name, stream, xmlRpcInt(-bytes), 0);
    } catch (FaultException e) {
      s.exit(Lsb.GENERIC);
      if (e.is(Fault.NO_FILE)) {
        s.println(name + ": ERROR (no log file)");
      } else if (e.is(Fault.FAILED)) {
        s.println(name + ": ERROR (unknown error reading log)");
      } else if (e.is(Fault.BAD_NAME)) {
        s.println(name + ": ERROR (no such process name)");
      } else {
        throw e;
      }
      return;
    }
    s.printRaw(log);
    s.println("");
  }

  /** Python's XML-RPC marshaller refuses integers outside 32 bits. */
  static long xmlRpcInt(long v) {
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw new ArithmeticException("int exceeds XML-RPC limits");
    }
    return v;
  }
}
