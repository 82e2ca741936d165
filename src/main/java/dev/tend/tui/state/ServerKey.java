package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the console names a process of one of many servers: {@code namespec@server} ({@code
 * web:django@web1}); with one server (named "") the namespec alone, so one server looks exactly as
 * before. Server names are letters, digits, {@code _ . -} (the servers file's rule), so the last
 * {@code @} splits. Every name the console's state keeps (rows, tags, panes' processes, requests)
 * is such a key; only the feeds, which talk to one server each, use the namespec alone.
 */
public final class ServerKey {
  private ServerKey() {}

  /** The key of {@code namespec} on {@code server}. */
  public static String of(String server, String namespec) {
    return server.isEmpty() ? namespec : namespec + "@" + server;
  }

  /** The server of a key ("" with one server). */
  public static String server(String key) {
    int at = key.lastIndexOf('@');
    return at < 0 ? "" : key.substring(at + 1);
  }

  /** The namespec of a key, as its server knows it. */
  public static String namespec(String key) {
    int at = key.lastIndexOf('@');
    return at < 0 ? key : key.substring(0, at);
  }

  /** Keys by server, each server's namespecs in the order given. */
  public static Map<String, List<String>> byServer(List<String> keys) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.computeIfAbsent(server(k), s -> new ArrayList<>()).add(namespec(k));
    }
    return out;
  }

  /**
   * Keys as a person reads them: the same process on several servers once, with its servers ({@code
   * django on web1, web2, web3}), others as they are.
   */
  public static String describe(List<String> keys) {
    Map<String, List<String>> servers = new LinkedHashMap<>();
    for (String k : keys) {
      servers.computeIfAbsent(namespec(k), n -> new ArrayList<>()).add(server(k));
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : servers.entrySet()) {
      List<String> on = e.getValue().stream().filter(s -> !s.isEmpty()).toList();
      parts.add(on.isEmpty() ? e.getKey() : e.getKey() + " on " + String.join(", ", on));
    }
    return String.join("; ", parts);
  }
}
