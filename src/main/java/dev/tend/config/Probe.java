package dev.tend.config;

/**
 * How tend checks a process from outside (its {@code ready_*} and {@code health_*} keys): a TCP
 * connection, an HTTP request, a command, or (readiness only) a line of its output.
 */
public sealed interface Probe {

  /** The key's suffix and value, for messages: {@code tcp 127.0.0.1:8000}. */
  String describe();

  /** Connects to {@code host:port}; success when the connection is accepted. */
  record Tcp(String host, int port) implements Probe {
    @Override
    public String describe() {
      return "tcp " + address();
    }

    /** {@code host:port}, IPv6 hosts in brackets. */
    public String address() {
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /**
   * An HTTP/1.1 GET of {@code path} on {@code host:port}; success on a 2xx or 3xx status.
   *
   * @param url the URL as written
   * @param path the path and query, at least {@code /}
   */
  record Http(String url, String host, int port, String path) implements Probe {
    @Override
    public String describe() {
      return "http " + url;
    }
  }

  /** A command, split and run like the program's own (its user, environment, directory). */
  record Command(String command) implements Probe {
    @Override
    public String describe() {
      return "command " + command;
    }
  }

  /** A line of the process's stdout or stderr that matches {@code regex} (Java syntax). */
  record LogLine(String regex) implements Probe {
    @Override
    public String describe() {
      return "log /" + regex + "/";
    }
  }
}
