package dev.tend.control.server;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status page ({@code /} and {@code /index.html}): supervisord's table (state, description,
 * name, actions) with its buttons as form buttons that POST, programs of a group under a heading
 * with the group's own buttons, a filter that works as a plain GET form, and the message of the
 * last action. Everything from the config or a process is escaped. The form carries the change
 * cursor taken before the processes were read, so the script, waiting for changes after it, misses
 * none.
 */
final class StatusPage {
  /** What the page is made of. */
  record Model(
      long cursor,
      SupervisorState state,
      List<ProcessInfo> processes,
      String identification,
      String version,
      String token,
      String filter,
      String message) {}

  private StatusPage() {}

  static String render(Model m) {
    List<ProcessInfo> shown = shown(m.processes(), m.filter());
    StringBuilder b = new StringBuilder(4096 + shown.size() * 900);
    Html.open(b, m.identification() + " status", "status");
    b.append("<header><h1><a href=\"index.html\">")
        .append(Html.text(m.identification()))
        .append("</a></h1>\n<p id=\"summary\">")
        .append(Html.text(summary(m)))
        .append("</p></header>\n");
    b.append("<div id=\"message\" class=\"status_msg\" role=\"status\"")
        .append(m.message().isEmpty() ? " hidden>" : ">")
        .append(Html.text(m.message()))
        .append("</div>\n");
    filterForm(b, m.filter());
    b.append("<form id=\"actions\" method=\"post\" action=\"index.html\" data-cursor=\"")
        .append(m.cursor())
        .append("\" data-now=\"")
        .append(now(m.processes()))
        .append("\">\n<input type=\"hidden\" name=\"token\" value=\"")
        .append(Html.text(m.token()))
        .append("\">\n<input type=\"hidden\" name=\"filter\" value=\"")
        .append(Html.text(m.filter()))
        .append("\">\n<div class=\"buttons\">")
        .append("<a class=\"button\" href=\"index.html?action=refresh\">Refresh</a> ")
        .append("<button name=\"restartall\" value=\"1\" data-confirm=\"Restart all programs?\">")
        .append("Restart All</button> ")
        .append("<button name=\"stopall\" value=\"1\" data-confirm=\"Stop all programs?\">")
        .append("Stop All</button></div>\n");
    table(b, shown, m.processes().isEmpty());
    b.append("</form>\n");
    Html.close(b, m.version());
    return b.toString();
  }

  private static void filterForm(StringBuilder b, String filter) {
    b.append("<form id=\"filterform\" class=\"filter\" method=\"get\" action=\"index.html\"")
        .append(" role=\"search\"><label for=\"filter\">Filter</label> ")
        .append("<input id=\"filter\" type=\"search\" name=\"filter\" autocomplete=\"off\"")
        .append(" placeholder=\"name, group or state\" value=\"")
        .append(Html.text(filter))
        .append("\"> <button type=\"submit\">Filter</button>");
    if (!filter.isEmpty()) {
      b.append(" <a href=\"index.html\">Show all</a>");
    }
    b.append("</form>\n");
  }

  private static void table(StringBuilder b, List<ProcessInfo> shown, boolean none) {
    if (none) {
      b.append("<p id=\"programs\" class=\"empty\">No programs to manage</p>\n");
      return;
    }
    b.append("<table id=\"programs\">\n<thead><tr><th class=\"state\">State</th>")
        .append("<th class=\"desc\">Description</th><th class=\"name\">Name</th>")
        .append("<th class=\"action\">Action</th></tr></thead>\n");
    for (Map.Entry<String, List<ProcessInfo>> g : groups(shown).entrySet()) {
      List<ProcessInfo> procs = g.getValue();
      if (g.getKey().isEmpty()) {
        b.append("<tbody>\n");
      } else {
        b.append("<tbody class=\"group\" data-group=\"")
            .append(Html.text(g.getKey()))
            .append("\">");
        groupRow(b, g.getKey(), procs);
      }
      for (ProcessInfo p : procs) {
        row(b, p);
      }
      b.append("</tbody>\n");
    }
    b.append("</table>\n");
    if (shown.isEmpty()) {
      b.append("<p class=\"empty\">No program matches the filter.</p>\n");
    }
  }

  private static void groupRow(StringBuilder b, String group, List<ProcessInfo> procs) {
    long running = procs.stream().filter(p -> p.state() == ProcessState.RUNNING).count();
    String spec = group + ":*";
    b.append("<tr class=\"grouprow\"><th colspan=\"4\"><span class=\"gname\">")
        .append(Html.text(group))
        .append("</span> <span class=\"gcount\">")
        .append(running)
        .append(" of ")
        .append(procs.size())
        .append(" running</span> <span class=\"gactions\">");
    for (WebActions.Verb v : WebActions.Verb.values()) {
      if (v != WebActions.Verb.CLEARLOG) {
        button(b, v, spec);
      }
    }
    b.append("</span></th></tr>\n");
  }

  private static void row(StringBuilder b, ProcessInfo p) {
    String spec = p.namespec();
    b.append("<tr class=\"proc\" data-name=\"")
        .append(Html.text(spec))
        .append("\" data-state=\"")
        .append(p.statename())
        .append("\"><td class=\"state\"><span class=\"")
        .append(stateClass(p.state()))
        .append("\">")
        .append(p.statename().toLowerCase(Locale.ROOT))
        .append("</span></td><td class=\"desc\"");
    if (p.state() == ProcessState.RUNNING) {
      b.append(" data-pid=\"").append(p.pid()).append("\" data-start=\"").append(p.start());
      b.append('"');
    }
    b.append('>')
        .append(Html.text(p.description()))
        .append("</td><td class=\"name\"><a href=\"tail.html?processname=")
        .append(Html.text(Html.queryValue(spec)))
        .append("\">")
        .append(Html.text(spec))
        .append("</a></td><td class=\"action\">");
    actions(b, p);
    b.append("</td></tr>\n");
  }

  /** supervisord's buttons for a state: restart and stop when running, start when stopped. */
  private static void actions(StringBuilder b, ProcessInfo p) {
    String spec = p.namespec();
    if (p.state() == ProcessState.RUNNING) {
      button(b, WebActions.Verb.RESTART, spec);
      button(b, WebActions.Verb.STOP, spec);
    } else if (p.state().isStopped()) {
      button(b, WebActions.Verb.START, spec);
    } else if (p.state() == ProcessState.STARTING || p.state() == ProcessState.BACKOFF) {
      button(b, WebActions.Verb.STOP, spec); // tend: a start can be called off
    }
    button(b, WebActions.Verb.CLEARLOG, spec);
    String path = Html.text(Html.pathSegment(spec));
    b.append("<a href=\"logtail/")
        .append(path)
        .append("\" target=\"_blank\" rel=\"noopener\">Tail -f Stdout</a> ")
        .append("<a href=\"logtail/")
        .append(path)
        .append("/stderr\" target=\"_blank\" rel=\"noopener\">Tail -f Stderr</a>");
  }

  private static void button(StringBuilder b, WebActions.Verb v, String spec) {
    b.append("<button name=\"")
        .append(v.field)
        .append("\" value=\"")
        .append(Html.text(spec))
        .append("\">")
        .append(v.label)
        .append("</button> ");
  }

  /** supervisord's CSS classes for a state. */
  static String stateClass(ProcessState s) {
    return switch (s) {
      case RUNNING -> "statusrunning";
      case FATAL, BACKOFF -> "statuserror";
      default -> "statusnominal";
    };
  }

  /** Programs alone in a group of their own name first (key ""), then each group. */
  static Map<String, List<ProcessInfo>> groups(List<ProcessInfo> procs) {
    Map<String, List<ProcessInfo>> out = new LinkedHashMap<>();
    out.put("", new ArrayList<>());
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (ProcessInfo p : procs) {
      sizes.merge(p.group(), 1L, Long::sum);
    }
    for (ProcessInfo p : procs) {
      boolean alone = p.group().equals(p.name()) && sizes.getOrDefault(p.group(), 0L) == 1;
      out.computeIfAbsent(alone ? "" : p.group(), k -> new ArrayList<>()).add(p);
    }
    if (out.get("").isEmpty()) {
      out.remove("");
    }
    return out;
  }

  /** The processes in supervisord's page order (group, then name) that match the filter. */
  static List<ProcessInfo> shown(List<ProcessInfo> all, String filter) {
    String f = filter.strip().toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(p -> f.isEmpty() || matches(p, f))
        .sorted(Comparator.comparing(ProcessInfo::group).thenComparing(ProcessInfo::name))
        .toList();
  }

  private static boolean matches(ProcessInfo p, String lowerFilter) {
    return p.namespec().toLowerCase(Locale.ROOT).contains(lowerFilter)
        || p.statename().toLowerCase(Locale.ROOT).contains(lowerFilter);
  }

  private static long now(List<ProcessInfo> processes) {
    return processes.isEmpty() ? 0 : processes.get(0).now();
  }

  private static String summary(Model m) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ProcessInfo p : m.processes()) {
      counts.merge(p.statename().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    StringBuilder s = new StringBuilder();
    s.append(m.state().name()).append(" · ").append(m.processes().size());
    s.append(m.processes().size() == 1 ? " program" : " programs");
    String sep = ": ";
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      s.append(sep).append(c.getValue()).append(' ').append(c.getKey());
      sep = ", ";
    }
    return s.toString();
  }
}
