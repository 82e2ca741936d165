package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;

/**
 * supervisorctl's {@code upcheck}, which most verbs run first: the server answers, and speaks API
 * 3.0.
 */
final class Upcheck {
  private Upcheck() {}

  /**
   * supervisorctl's {@code upcheck}: the server answers with API version 3.0. Otherwise says why
   * and sets the exit status (5, 3, 4 refused, 7 no socket file); other failures propagate with
   * status 1 (an HTTP error with the status untouched, as supervisorctl does).
   */
  static boolean passes(CtlSession s) {
    try {
      String version = s.api().getAPIVersion();
      if (!CtlSession.API_VERSION.equals(version)) {
        s.println(
            "Sorry, this version of supervisorctl expects to talk to a server with API version "
                + CtlSession.API_VERSION
                + ", but the remote version is "
                + version
                + ".");
        s.exit(Lsb.NOT_INSTALLED);
        return false;
      }
      return true;
    } catch (FaultException e) {
      if (e.is(Fault.UNKNOWN_METHOD)) {
        s.println(
            "Sorry, supervisord responded but did not recognize the supervisor namespace commands"
                + " that supervisorctl uses to control it.  Please check that the"
                + " [rpcinterface:supervisor] section is enabled in the configuration file (see"
                + " sample.conf).");
        s.exit(Lsb.UNIMPLEMENTED_FEATURE);
        return false;
      }
      s.exit(Lsb.GENERIC);
      throw e;
    } catch (ConnectionException e) {
      return connectionFailed(s, e);
    }
  }

  private static boolean connectionFailed(CtlSession s, ConnectionException e) {
    if (e.httpStatus() != 0) {
      throw e;
    }
    switch (e.kind()) {
      case REFUSED -> {
        s.println(s.serverurl() + " refused connection");
        s.exit(Lsb.INSUFFICIENT_PRIVILEGES);
        return false;
      }
      case NO_SUCH_FILE -> {
        s.println(s.serverurl() + " no such file");
        s.exit(Lsb.NOT_RUNNING);
        return false;
      }
      default -> {
        s.exit(Lsb.GENERIC);
        throw e;
      }
    }
  }
}
