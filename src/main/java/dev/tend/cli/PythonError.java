package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.FaultException;
import dev.tend.api.PythonText;
import java.nio.channels.UnresolvedAddressException;

/**
 * The line supervisorctl prints for an error no verb handles: {@code error: <class 'T'>, MESSAGE}
 * with the Python exception type and text the same failure gives there. supervisorctl ends the line
 * with {@code : file: F line: N}, the Python source line that raised; tend has no such line and
 * leaves that part out.
 */
final class PythonError {
  private PythonError() {}

  /** The whole line for {@code e}. */
  static String line(RuntimeException e) {
    return "error: " + describe(e);
  }

  /** What Python's {@code '%s, %s' % (type, value)} shows for the equivalent exception. */
  static String describe(RuntimeException e) {
    if (e instanceof FaultException f) {
      return "<class 'xmlrpc.client.Fault'>, <Fault "
          + f.code()
          + ": "
          + PythonText.repr(f.faultString())
          + ">";
    }
    if (e instanceof ConnectionException c) {
      // a transport's own words already say what failed; a Python class would only hide them
      return c.kind() == ConnectionException.Kind.TRANSPORT
          ? String.valueOf(c.getMessage())
          : connection(c);
    }
    if (e instanceof ArithmeticException) {
      return "<class 'OverflowError'>, " + e.getMessage();
    }
    if (e instanceof EndOfInput) {
      return "<class 'EOFError'>, " + e.getMessage();
    }
    if (e instanceof UnexpectedResult || e instanceof IllegalArgumentException) {
      return "<class 'ValueError'>, " + e.getMessage();
    }
    return "<class '" + e.getClass().getSimpleName() + "'>, " + e.getMessage();
  }

  private static String connection(ConnectionException c) {
    int status = c.httpStatus();
    if (status != 0) {
      return "<class 'xmlrpc.client.ProtocolError'>, " + protocolError(c, status);
    }
    return switch (c.kind()) {
      case REFUSED -> "<class 'ConnectionRefusedError'>, [Errno 111] Connection refused";
      case NO_SUCH_FILE -> "<class 'FileNotFoundError'>, [Errno 2] No such file or directory";
      default -> {
        if (c.getCause() instanceof UnresolvedAddressException) {
          yield "<class 'socket.gaierror'>, [Errno -2] Name or service not known";
        }
        String m = String.valueOf(c.getMessage());
        if (m.contains("Permission denied")) {
          yield "<class 'PermissionError'>, [Errno 13] Permission denied";
        }
        yield "<class 'OSError'>, " + m;
      }
    };
  }

  /** {@code <ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>}, as xmlrpc.client words it. */
  static String protocolError(ConnectionException c, int status) {
    return "<ProtocolError for 127.0.0.1/RPC2: " + status + " " + c.httpReason().strip() + ">";
  }
}
