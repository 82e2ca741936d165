package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console knows of each of its servers, by name, in the order they were given; one server
 * is named "". Owned by the UI thread; {@code FeedEvents} writes it (through {@link ConsoleModel}),
 * the header and the servers view read it.
 */
public final class ServerConnections {
  // UI thread only. Server name to what is known of it, in the order given.
  private final Map<String, Connection> byName = new LinkedHashMap<>();
  // UI thread only. Server name to its URL as given (for the servers view).
  private final Map<String, String> urls = new LinkedHashMap<>();

  ServerConnections() {
    byName.put("", Connection.connecting());
    urls.put("", "");
  }

  /** The servers the console talks to (before the first frame); replaces the one unnamed. */
  void declare(Map<String, String> nameToUrl) {
    if (nameToUrl.isEmpty()) {
      return;
    }
    byName.clear();
    urls.clear();
    nameToUrl.forEach(
        (name, url) -> {
          byName.put(name, Connection.connecting());
          urls.put(name, url);
        });
  }

  /** Server names in the order given. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** Whether there are several (the table shows a SERVER column, the header a summary). */
  public boolean many() {
    return byName.size() > 1;
  }

  public int size() {
    return byName.size();
  }

  /** The first server's name ("" with one server). */
  public String first() {
    return byName.keySet().iterator().next();
  }

  /** What is known of {@code server}; connecting when it is not one of them. */
  public Connection get(String server) {
    Connection c = byName.get(server);
    return c != null ? c : Connection.connecting();
  }

  public String url(String server) {
    return urls.getOrDefault(server, "");
  }

  /** Whether the rows of {@code server} are current (else they are shown greyed). */
  public boolean live(String server) {
    return get(server).status() == Connection.Status.CONNECTED;
  }

  /** How many servers are in {@code status}. */
  public int count(Connection.Status status) {
    int n = 0;
    for (Connection c : byName.values()) {
      if (c.status() == status) {
        n++;
      }
    }
    return n;
  }

  void set(String server, Connection c) {
    if (byName.containsKey(server)) {
      byName.put(server, c);
    }
  }
}
