package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.Locale;

/** {@code reload}: restarts the remote supervisor (asks first in a shell). */
final class ReloadVerb implements Verb {
  private static final FaultOutcomes FAULTS =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(Fault.SHUTDOWN_STATE, "ERROR: already shutting down", Lsb.GENERIC);

  @Override
  public String help() {
    return "reload \t\tRestart the remote supervisord.\n";
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (NoArguments.refused(s, arg, "reload", help())) {
      return;
    }
    if (s.interactive()
        && !s.ask("Really restart the remote supervisord process y/N? ")
            .toLowerCase(Locale.ROOT)
            .startsWith("y")) {
      return;
    }
    try {
      s.api().restart();
    } catch (FaultException e) {
      FAULTS.handle(s, "", e);
      return;
    }
    s.println("Restarted supervisord");
  }
}
