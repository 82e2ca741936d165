package dev.tend.tui.state;

import java.util.List;

/** What a process action applies to: its reach decides how it is confirmed. */
public sealed interface Target {

  /** How the prompt and the messages name the target. */
  String describe();

  /** One process: y/n for dangerous actions. */
  record One(String namespec) implements Target {
    @Override
    public String describe() {
      return ServerKey.describe(List.of(namespec));
    }
  }

  /** Several processes (the tagged set): typed confirmation for dangerous actions. */
  record Several(List<String> namespecs) implements Target {
    public Several {
      namespecs = List.copyOf(namespecs);
    }

    @Override
    public String describe() {
      boolean remote = namespecs.stream().anyMatch(n -> !ServerKey.server(n).isEmpty());
      if (remote && ServerKey.byServer(namespecs).size() > 1) {
        return ServerKey.describe(namespecs); // "django on web1, web2, web3"
      }
      String names = String.join(", ", namespecs.subList(0, Math.min(4, namespecs.size())));
      return namespecs.size()
          + " processes ("
          + names
          + (namespecs.size() > 4 ? ", ..." : "")
          + ")";
    }
  }

  /**
   * A whole group ({@code group:*}), on the servers that have it: {@code servers} names them when
   * the console has several (a group is a server's own, and one without it would only answer with
   * an error), and is empty with one server.
   */
  record Group(String group, List<String> servers) implements Target {
    public Group {
      servers = List.copyOf(servers);
    }

    /** The group of the one server. */
    public Group(String group) {
      this(group, List.of());
    }

    @Override
    public String describe() {
      String on = servers.isEmpty() ? "" : " on " + String.join(", ", servers);
      return "group " + group + " (" + group + ":*)" + on;
    }
  }

  /** Every process. */
  record All() implements Target {
    @Override
    public String describe() {
      return "all processes";
    }
  }
}
