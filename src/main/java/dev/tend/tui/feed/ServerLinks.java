package dev.tend.tui.feed;

import dev.tend.api.SupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ServerKey;
import dev.tend.tui.state.StreamKey;
import dev.tend.tui.state.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The console's work with several servers: one {@link SupervisorLink} per server, each with its own
 * feeds and threads, so a server that hangs or goes away holds up only its own rows. What the
 * controller asks in keys ({@code namespec@server}, {@link ServerKey}) goes to each server in its
 * own names; what each posts arrives wrapped in {@link ConsoleEvent.FromServer}. Files (theme,
 * layout, saved panes) go through the first server's link, which writes them in order.
 */
public final class ServerLinks implements ConsoleServices, AutoCloseable {
  // fixed at construction: server name to its link, in the order given
  private final Map<String, SupervisorLink> links = new LinkedHashMap<>();

  /**
   * @param apis server name to its client, in the order the console lists them (at least one)
   */
  public ServerLinks(Map<String, SupervisorApi> apis, ConsoleOptions options, EventSink sink) {
    if (apis.isEmpty()) {
      throw new IllegalArgumentException("no server");
    }
    apis.forEach(
        (name, api) ->
            links.put(
                name,
                new SupervisorLink(
                    api, options, e -> sink.post(new ConsoleEvent.FromServer(name, e)), name)));
  }

  /** Starts every server's feeds. */
  public void start() {
    links.values().forEach(SupervisorLink::start);
  }

  @Override
  public void run(ProcessRequest request) {
    Target t = request.target();
    switch (t) {
      case Target.One one -> {
        SupervisorLink link = links.get(ServerKey.server(one.namespec()));
        if (link != null) {
          link.run(with(request, new Target.One(ServerKey.namespec(one.namespec()))));
        }
      }
      case Target.Several several ->
          ServerKey.byServer(several.namespecs())
              .forEach(
                  (server, names) -> {
                    SupervisorLink link = links.get(server);
                    if (link != null) {
                      Target local =
                          names.size() == 1
                              ? new Target.One(names.get(0))
                              : new Target.Several(names);
                      link.run(with(request, local));
                    }
                  });
      case Target.Group g -> {
        // only the servers that have the group (named by the console), or the one its key names
        String server = ServerKey.server(g.group());
        for (Map.Entry<String, SupervisorLink> e : links.entrySet()) {
          boolean has = g.servers().isEmpty() || g.servers().contains(e.getKey());
          if (has && (server.isEmpty() || server.equals(e.getKey()))) {
            e.getValue().run(with(request, new Target.Group(ServerKey.namespec(g.group()))));
          }
        }
      }
      case Target.All all -> links.values().forEach(l -> l.run(request));
    }
  }

  private static ProcessRequest with(ProcessRequest r, Target local) {
    return new ProcessRequest(r.verb(), local, r.signal());
  }

  @Override
  public void follow(int pane, LogInbox inbox, List<String> keys) {
    long gen = inbox.newGeneration();
    Map<String, List<String>> byServer = ServerKey.byServer(keys);
    links.forEach(
        (name, link) -> link.followAs(pane, inbox, gen, byServer.getOrDefault(name, List.of())));
  }

  @Override
  public void updateFollow(int pane, LogInbox inbox, List<String> keys) {
    Map<String, List<String>> byServer = ServerKey.byServer(keys);
    links.forEach(
        (name, link) -> link.updateFollow(pane, inbox, byServer.getOrDefault(name, List.of())));
  }

  @Override
  public void resumeFollow(
      int pane, LogInbox inbox, List<String> keys, Map<StreamKey, List<String>> seen) {
    ServerKey.byServer(keys)
        .forEach(
            (server, names) -> {
              SupervisorLink link = links.get(server);
              if (link != null) {
                link.resumeFollow(pane, inbox, names, seen);
              }
            });
  }

  @Override
  public void reconnect(String server) {
    SupervisorLink link = links.get(server);
    if (link != null) {
      link.reconnect(server);
    }
  }

  @Override
  public void unfollow(int pane, LogInbox inbox) {
    long gen = inbox.newGeneration();
    links.values().forEach(link -> link.followAs(pane, inbox, gen, List.of()));
  }

  @Override
  public void loadDetails(String key) {
    SupervisorLink link = links.get(ServerKey.server(key));
    if (link != null) {
      link.loadDetails(ServerKey.namespec(key));
    }
  }

  private SupervisorLink first() {
    return links.values().iterator().next();
  }

  @Override
  public void saveTheme(String name) {
    first().saveTheme(name);
  }

  @Override
  public void saveLayout(Path file, String text) {
    first().saveLayout(file, text);
  }

  @Override
  public void writeText(
      @Nullable Path file, List<String> lines, ConsoleEvent.TextWritten.Purpose purpose) {
    first().writeText(file, lines, purpose);
  }

  @Override
  public void deleteFile(Path file) {
    first().deleteFile(file);
  }

  /** Stops every server's threads; waits for none of them. */
  @Override
  public void close() {
    links.values().forEach(SupervisorLink::close);
  }
}
