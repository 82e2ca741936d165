package dev.tend.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the process groups (supervisord's {@code process_groups_from_parser}) in its order: {@code
 * [group:x]} first (its programs then leave their own groups), then {@code [program:x]}, {@code
 * [eventlistener:x]}, {@code [fcgi-program:x]}; sorted by (priority, name) at the end.
 */
final class GroupAssembler {
  /** supervisor.events.EventTypes: the names an eventlistener may subscribe to. */
  static final Set<String> EVENT_TYPES =
      Set.of(
          "EVENT",
          "PROCESS_STATE",
          "PROCESS_STATE_STARTING",
          "PROCESS_STATE_RUNNING",
          "PROCESS_STATE_BACKOFF",
          "PROCESS_STATE_STOPPING",
          "PROCESS_STATE_EXITED",
          "PROCESS_STATE_STOPPED",
          "PROCESS_STATE_FATAL",
          "PROCESS_STATE_UNKNOWN",
          "PROCESS_LOG",
          "PROCESS_LOG_STDOUT",
          "PROCESS_LOG_STDERR",
          "PROCESS_COMMUNICATION",
          "PROCESS_COMMUNICATION_STDOUT",
          "PROCESS_COMMUNICATION_STDERR",
          "REMOTE_COMMUNICATION",
          "SUPERVISOR_STATE_CHANGE",
          "SUPERVISOR_STATE_CHANGE_RUNNING",
          "SUPERVISOR_STATE_CHANGE_STOPPING",
          "TICK",
          "TICK_5",
          "TICK_60",
          "TICK_3600",
          "PROCESS_GROUP",
          "PROCESS_GROUP_ADDED",
          "PROCESS_GROUP_REMOVED");

  static final String DEFAULT_RESULT_HANDLER = "supervisor.dispatchers:default_handler";

  private final IniDocument doc;
  private final Diagnostics diagnostics;
  private final Map<String, Object> envNames;
  private final Map<String, Object> hereOnly;
  private final ProcessSectionParser processes;
  private final FcgiSocketParser sockets;
  private final Set<String> inHeterogeneousGroups = new HashSet<>(); // sections a [group:x] took

  GroupAssembler(
      IniDocument doc,
      Diagnostics diagnostics,
      Map<String, Object> envNames,
      String here,
      ProcessSectionParser processes,
      FcgiSocketParser sockets) {
    this.doc = doc;
    this.diagnostics = diagnostics;
    this.envNames = envNames;
    this.hereOnly = Map.of("here", here);
    this.processes = processes;
    this.sockets = sockets;
  }

  List<GroupConfig> groups() {
    List<GroupConfig> groups = new ArrayList<>();
    List<String> sections = doc.sectionNames();
    for (String s : sections) {
      if (s.startsWith("group:")) {
        add(groups, heterogeneous(s, sections));
      }
    }
    for (String s : sections) {
      if (s.startsWith("program:") && !inHeterogeneousGroups.contains(s)) {
        add(groups, program(s));
      }
    }
    for (String s : sections) {
      if (s.startsWith("eventlistener:")) {
        add(groups, eventListener(s));
      }
    }
    for (String s : sections) {
      if (s.startsWith("fcgi-program:") && !inHeterogeneousGroups.contains(s)) {
        add(groups, fcgiProgram(s));
      }
    }
    groups.sort(Comparator.comparingInt(GroupConfig::priority).thenComparing(GroupConfig::name));
    return groups;
  }

  private static void add(List<GroupConfig> groups, @Nullable GroupConfig g) {
    if (g != null) {
      groups.add(g);
    }
  }

  private SectionReader reader(String section) {
    return new SectionReader(doc, section, diagnostics, envNames, "");
  }

  private @Nullable GroupConfig heterogeneous(String section, List<String> sections) {
    SectionReader r = reader(section);
    String name = r.attemptOrNull(null, () -> ValueTypes.name(afterColon(section)));
    String programsText = r.attemptOrNull("programs", () -> r.get("programs", null, hereOnly));
    int priority = r.typed("priority", "999", hereOnly, ValueTypes::integer, 999);
    Map<String, ProcessConfig> members = new LinkedHashMap<>();
    for (String program : ValueTypes.listOfStrings(programsText == null ? "" : programsText)) {
      boolean isProgram = sections.contains("program:" + program);
      boolean isFcgi = sections.contains("fcgi-program:" + program);
      if (!isProgram && !isFcgi) {
        r.error("programs", "[" + section + "] names unknown program or fcgi-program " + program);
        continue;
      }
      if (isProgram && isFcgi) {
        r.error(
            "programs",
            "["
                + section
                + "] name "
                + program
                + " is ambiguous (exists as program and fcgi-program)");
        continue;
      }
      String member = (isProgram ? "program:" : "fcgi-program:") + program;
      inHeterogeneousGroups.add(member);
      if (name != null) {
        processes.processes(member, name).forEach(p -> members.putIfAbsent(p.name(), p));
      }
    }
    if (name == null) {
      return null;
    }
    // supervisord keeps programs= order (each program's processes by name), whatever priorities
    return new GroupConfig(
        name, GroupKind.HETEROGENEOUS, priority, List.copyOf(members.values()), null, null);
  }

  private @Nullable GroupConfig program(String section) {
    SectionReader r = reader(section);
    String name = r.attemptOrNull(null, () -> ValueTypes.name(afterColon(section)));
    if (name == null) {
      return null;
    }
    int priority = r.typed("priority", "999", hereOnly, ValueTypes::integer, 999);
    return new GroupConfig(
        name, GroupKind.PROGRAM, priority, processes.processes(section, name), null, null);
  }

  private @Nullable GroupConfig eventListener(String section) {
    SectionReader r = reader(section);
    String pool = afterColon(section);
    int priority = r.typed("priority", "-1", hereOnly, ValueTypes::integer, -1);
    int bufferSize = r.typed("buffer_size", "10", hereOnly, ValueTypes::integer, 10);
    if (bufferSize < 1) {
      r.error(
          "buffer_size", "[" + section + "] section sets invalid buffer_size (" + bufferSize + ")");
    }
    String handler = r.typed("result_handler", DEFAULT_RESULT_HANDLER, hereOnly, text -> text, "");
    if (!handler.equals(DEFAULT_RESULT_HANDLER) && !handler.isEmpty()) {
      r.warning(
          "result_handler",
          "tend cannot load the Python result handler "
              + handler
              + " of ["
              + section
              + "]; listeners' results are read as supervisor.dispatchers:default_handler does");
    }
    String eventsText = r.typed("events", "", hereOnly, text -> text, "");
    Set<String> events = new LinkedHashSet<>();
    for (String e : ValueTypes.listOfStrings(eventsText)) {
      events.add(e.toUpperCase(Locale.ROOT));
    }
    if (events.isEmpty() && !diagnostics.hasErrorFor(section, "events")) {
      r.error("events", "[" + section + "] section requires an \"events\" line");
    }
    for (String e : events) {
      if (!EVENT_TYPES.contains(e)) {
        r.error(
            "events",
            "Unknown event type "
                + e
                + " in ["
                + section
                + "] events"
                + TendEvents.inEventsHint(e));
      }
    }
    events.addAll(TendEvents.read(r, hereOnly));
    if (r.typed("redirect_stderr", "false", hereOnly, ValueTypes::bool, false)) {
      r.error(
          "redirect_stderr",
          "["
              + section
              + "] section sets redirect_stderr=true but this is not allowed because it will"
              + " interfere with the eventlistener protocol");
    }
    return new GroupConfig(
        pool,
        GroupKind.EVENT_LISTENER,
        priority,
        processes.processes(section, pool),
        new EventListenerConfig(List.copyOf(events), bufferSize, handler),
        null);
  }

  private @Nullable GroupConfig fcgiProgram(String section) {
    SectionReader r = reader(section);
    String name = r.attemptOrNull(null, () -> ValueTypes.name(afterColon(section)));
    if (name == null) {
      return null;
    }
    int priority = r.typed("priority", "999", hereOnly, ValueTypes::integer, 999);
    FcgiSocketConfig socket = sockets.parse(r, name);
    List<ProcessConfig> procs = processes.processes(section, name);
    if (socket == null) {
      return null;
    }
    return new GroupConfig(name, GroupKind.FCGI_PROGRAM, priority, procs, null, socket);
  }

  static String afterColon(String section) {
    return section.substring(section.indexOf(':') + 1);
  }
}
