package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.PythonText;
import java.util.List;

/** {@code maintail [-f|-N]}: the supervisor's own log. */
final class MaintailVerb implements Verb {
  @Override
  public String help() {
    return """
        maintail -f \tContinuous tail of supervisor main log file (Ctrl-C to exit)
        maintail -100\tlast 100 *bytes* of supervisord main log file
        maintail\tlast 1600 *bytes* of supervisor main log file

        """;
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> args = PythonText.split(arg);
    long bytes = TailVerb.DEFAULT_BYTES;
    if (args.size() > 1) {
      s.println("Error: too many arguments");
      s.exit(Lsb.GENERIC);
      s.printHelp(help());
      return;
    } else if (args.size() == 1) {
      String a = args.get(0);
      if (a.equals("-f")) {
        LogStreaming.tailf(s, "/mainlogtail", l -> s.link().mainLogtail(l));
        return;
      }
      try {
        if (!a.startsWith("-")) {
          throw new NumberFormatException(a);
        }
        bytes = PythonFormat.parseInt(a.substring(1));
      } catch (NumberFormatException e) {
        s.println("Error: bad argument " + a);
        s.exit(Lsb.GENERIC);
        return;
      }
    }
    byte[] log;
    try {
      log = s.api().readLog(TailVerb.xmlRpcInt(-bytes), 0);
    } catch (FaultException e) {
      s.exit(Lsb.GENERIC);
      if (e.is(Fault.NO_FILE)) {
        s.println("supervisord: ERROR (no log file)");
      } else if (e.is(Fault.FAILED)) {
        s.println("supervisord: ERROR (unknown error reading log)");
      } else {
        throw e;
      }
      return;
    }
    s.printRaw(log);
    s.println("");
  }
}
