package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.Locale;

/** {@code shutdown}: stops the remote supervisor (asks first in a shell). */
final class ShutdownVerb implements Verb {
  private static final FaultOutcomes FAULTS =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(Fault.SHUTDOWN_STATE, "ERROR: already shutting down", FaultOutcomes.UNCHANGED);

  @Override
  public String help() {
    return "shutdown \tShut the remote supervisord down.\n";
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (NoArguments.refused(s, arg, "shutdown", help())) {
      return;
    }
    if (s.interactive()
        && !s.ask("Really shut the remote supervisord process down y/N? ")
            .toLowerCase(Locale.ROOT)
            .startsWith("y")) {
      return;
    }
    try {
      s.api().shutdown();
    } catch (FaultException e) {
      FAULTS.handle(s, "", e);
      return;
    } catch (ConnectionException e) {
      if (e.httpStatus() != 0) {
        throw e;
      }
      s.exit(Lsb.GENERIC);
      switch (e.kind()) {
        case REFUSED ->
            s.println("ERROR: " + s.serverurl() + " refused connection (already shut down?)");
        case NO_SUCH_FILE ->
            s.println("ERROR: " + s.serverurl() + " no such file (already shut down?)");
        default -> throw e;
      }
      return;
    }
    s.println("Shut down");
  }
}
