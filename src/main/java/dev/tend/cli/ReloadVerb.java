package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.Locale;

/** {@code reload}: restarts the remote supervisor (asks first in a shell). */
final class ReloadVerb implements Verb {
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
    if (!arg.isEmpty()) {
      NoArguments.refuse(s, "reload", help());
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
      s.exit(Lsb.GENERIC);
      if (!e.is(Fault.SHUTDOWN_STATE)) {
        throw e;
      }
      s.println("ERROR: already shutting down");
      return;
    }
    s.println("Restarted supervisord");
  }
}
