package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.api.SupervisorApi;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the web page's buttons do, and the message each leaves, in supervisord's words ({@code
 * Process web stopped}, {@code ERROR: Process web: spawn error}, {@code All restarted at ...}).
 * Called with a form already checked ({@link WebPages}); runs on the connection's thread and waits
 * for the action to finish, as supervisord's page does before it redirects. A {@code group:*} name
 * acts on the group (tend's page shows groups; supervisord's has no such button).
 */
final class WebActions {
  /** The per-process actions, the form field that names each, and its button label. */
  enum Verb {
    START("start", "Start"),
    STOP("stop", "Stop"),
    RESTART("restart", "Restart"),
    CLEARLOG("clearlog", "Clear Log");

    final String field;
    final String label;

    Verb(String field, String label) {
      this.field = field;
      this.label = label;
    }

    static @Nullable Verb of(String field) {
      for (Verb v : values()) {
        if (v.field.equals(field)) {
          return v;
        }
      }
      return null;
    }
  }

  static final String STOPALL = "stopall";
  static final String RESTARTALL = "restartall";
  static final String REFRESH = "refresh";

  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private final SupervisorApi api;
  private final Clock clock;

  WebActions(SupervisorApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  /** supervisord's {@code time.ctime()} of now, for "All stopped at ...". */
  String now() {
    return CTIME.format(ZonedDateTime.now(clock));
  }

  /** Runs the action a form names; the message to show, or null when it names none. */
  @Nullable String run(Map<String, String> form) {
    if (form.containsKey(STOPALL)) {
      api.stopAllProcesses(true);
      return "All stopped at " + now();
    }
    if (form.containsKey(RESTARTALL)) {
      api.stopAllProcesses(true);
      api.startAllProcesses(true);
      return "All restarted at " + now();
    }
    for (Verb v : Verb.values()) {
      String name = form.get(v.field);
      if (name != null) {
        return run(v, name);
      }
    }
    return null;
  }

  /** One action on a process or, for {@code group:*}, on a group. */
  String run(Verb verb, String namespec) {
    try {
      return namespec.endsWith(":*")
          ? group(verb, namespec.substring(0, namespec.length() - 2))
          : process(verb, namespec);
    } catch (FaultException e) {
      if (e.is(Fault.BAD_NAME)) {
        return "No such process named " + namespec;
      }
      return "ERROR: Process " + namespec + ": " + words(e);
    }
  }

  private String process(Verb verb, String namespec) {
    api.getProcessInfo(namespec); // BAD_NAME before anything else, as supervisord checks
    switch (verb) {
      case START -> api.startProcess(namespec, true);
      case STOP -> api.stopProcess(namespec, true);
      case RESTART -> {
        try {
          api.stopProcess(namespec, true);
        } catch (FaultException e) {
          if (!e.is(Fault.NOT_RUNNING)) {
            throw e;
          }
        }
        api.startProcess(namespec, true);
      }
      case CLEARLOG -> {
        api.clearProcessLogs(namespec);
        return "Log for " + namespec + " cleared";
      }
    }
    return "Process " + namespec + " " + past(verb);
  }

  private String group(Verb verb, String group) {
    List<ProcessResult> failed =
        switch (verb) {
          case START -> failures(api.startProcessGroup(group, true));
          case STOP -> failures(api.stopProcessGroup(group, true));
          case RESTART -> {
            api.stopProcessGroup(group, true);
            yield failures(api.startProcessGroup(group, true));
          }
          case CLEARLOG -> {
            for (var p : api.getAllProcessInfo()) {
              if (p.group().equals(group)) {
                api.clearProcessLogs(p.namespec());
              }
            }
            yield List.of();
          }
        };
    if (verb == Verb.CLEARLOG) {
      return "Logs of group " + group + " cleared";
    }
    if (!failed.isEmpty()) {
      ProcessResult f = failed.get(0);
      return "ERROR: Process " + f.namespec() + ": " + f.description();
    }
    return "Group " + group + " " + past(verb);
  }

  private static List<ProcessResult> failures(List<ProcessResult> results) {
    return results.stream().filter(r -> !r.isSuccess()).toList();
  }

  private static String past(Verb verb) {
    return switch (verb) {
      case START -> "started";
      case STOP -> "stopped";
      case RESTART -> "restarted";
      case CLEARLOG -> "cleared";
    };
  }

  /** supervisord's page's words for a fault. */
  private static String words(FaultException e) {
    Fault f = e.fault();
    if (f == null) {
      return "unexpected rpc fault [" + e.code() + "] " + e.faultString();
    }
    return switch (f) {
      case NO_FILE -> "no such file";
      case NOT_EXECUTABLE -> "file not executable";
      case ALREADY_STARTED -> "already started";
      case SPAWN_ERROR -> "spawn error";
      case ABNORMAL_TERMINATION -> "abnormal termination";
      case NOT_RUNNING -> "not running";
      default -> "unexpected rpc fault [" + e.code() + "] " + e.faultString();
    };
  }
}
