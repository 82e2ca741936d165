package dev.tend.cli;

import dev.tend.api.ConfigInfo;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.List;

/** {@code avail}: every configured process, in use or available, auto or manual, priorities. */
final class AvailVerb implements Verb {
  private static final FaultOutcomes FAULTS =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(Fault.SHUTDOWN_STATE, "ERROR: supervisor shutting down", Lsb.GENERIC);

  @Override
  public String help() {
    return "avail\t\t\tDisplay all configured processes\n";
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (NoArguments.refused(s, arg, "avail", help())) {
      return;
    }
    List<ConfigInfo> infos;
    try {
      infos = s.api().getAllConfigInfo();
    } catch (FaultException e) {
      FAULTS.handle(s, "", e);
      return;
    }
    for (ConfigInfo c : infos) {
      s.println(
          PythonFormat.padRight(Namespec.format(c.group(), c.name()), 32)
              + " "
              + PythonFormat.padRight(c.inuse() ? "in use" : "avail", 9)
              + " "
              + PythonFormat.padRight(c.autostart() ? "auto" : "manual", 9)
              + " "
              + c.groupPrio()
              + ":"
              + c.processPrio());
    }
  }
}
