package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.control.client.XmlRpcClient;
import java.util.Locale;

/** {@code shutdown}: stops the remote supervisor (asks first in a shell). */
final class ShutdownVerb implements Verb {
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
    if (!arg.isEmpty()) {
      NoArguments.refuse(s, "shutdown", help());
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
      if (!e.is(Fault.SHUTDOWN_STATE)) {
        s.exit(Lsb.GENERIC);
        throw e;
      }
      s.println("ERROR: already shutting down");
      return;
    } catch (ConnectionException e) {
      if (XmlRpcClient.httpStatus(e) != 0) {
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
