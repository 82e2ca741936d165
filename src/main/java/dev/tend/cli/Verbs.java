package dev.tend.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verbs, by name. A one-shot command loads only the class of its own verb; {@code help} and
 * completion walk them all.
 */
final class Verbs {
  /** The verbs {@code help} lists (each has help text), in its order. */
  static final List<String> DOCUMENTED =
      List.of(
          "add",
          "avail",
          "clear",
          "exit",
          "fg",
          "maintail",
          "open",
          "pid",
          "quit",
          "reload",
          "remove",
          "reread",
          "restart",
          "shutdown",
          "signal",
          "start",
          "status",
          "stop",
          "tail",
          "update",
          "version");

  /** Every name completion offers for a first word: supervisorctl's vocabulary. */
  static final List<String> VOCABULARY = vocabulary();

  private Verbs() {}

  private static List<String> vocabulary() {
    java.util.ArrayList<String> names = new java.util.ArrayList<>(DOCUMENTED);
    names.add(names.indexOf("maintail"), "help");
    return List.copyOf(names);
  }

  /** The verb called {@code name} (case matters, as in supervisorctl), or null. */
  static @Nullable Verb lookup(String name) {
    return switch (name) {
      case "add" -> new AddVerb();
      case "avail" -> new AvailVerb();
      case "clear" -> new ClearVerb();
      case "exit", "quit", "EOF" -> new QuitVerb(name);
      case "fg" -> new FgVerb();
      case "help" -> new HelpVerb();
      case "maintail" -> new MaintailVerb();
      case "open" -> new OpenVerb();
      case "pid" -> new PidVerb();
      case "reload" -> new ReloadVerb();
      case "remove" -> new RemoveVerb();
      case "reread" -> new RereadVerb();
      case "restart" -> new RestartVerb();
      case "shutdown" -> new ShutdownVerb();
      case "signal" -> new SignalVerb();
      case "start" -> new StartVerb();
      case "status" -> new StatusVerb();
      case "stop" -> new StopVerb();
      case "tail" -> new TailVerb();
      case "update" -> new UpdateVerb();
      case "version" -> new VersionVerb();
      default -> null;
    };
  }
}
