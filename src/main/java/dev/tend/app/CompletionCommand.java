package dev.tend.app;

import dev.tend.cli.Completion;
import dev.tend.cli.CompletionScripts;
import dev.tend.cli.CtlSession;
import dev.tend.config.ConfigException;
import dev.tend.config.CtlConfig;
import dev.tend.control.client.ClientSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tend completion bash|zsh} prints a completion script; the scripts call back {@code tend
 * completion words INDEX WORD...} (WORD 0 is {@code tend}, INDEX the word being typed), which
 * prints the candidates: subcommands, options, and for {@code tend ctl} what the shell's Tab offers
 * (verbs, live group and process names, from the server the typed options point at).
 */
final class CompletionCommand {
  private static final List<String> SUBCOMMANDS =
      List.of("ctl", "daemon", "demo", "servers", "completion", "--help", "--version");
  private static final List<String> CTL_OPTIONS = ctlOptions();

  /** Options whose value is a file name: the shell completes file names after them. */
  private static final List<String> FILE_OPTIONS = fileOptions();

  private CompletionCommand() {}

  static int run(String[] args, CtlCommand.Environment env) {
    String what = args.length == 0 ? "" : args[0];
    switch (what) {
      case "bash" -> env.out().print(CompletionScripts.bash());
      case "zsh" -> env.out().print(CompletionScripts.zsh());
      case "words" -> {
        for (String c : words(Arrays.asList(args).subList(1, args.length), env)) {
          env.out().println(c);
        }
      }
      default -> {
        env.err().println("Error: tend completion takes bash or zsh, got '" + what + "'");
        env.err().println("For help, use tend --help");
        return 2;
      }
    }
    env.out().flush();
    return 0;
  }

  /** The candidates for {@code [INDEX, WORD...]}; empty when there are none or it cannot tell. */
  static List<String> words(List<String> args, CtlCommand.Environment env) {
    if (args.size() < 2) {
      return List.of();
    }
    int index;
    try {
      index = Integer.parseInt(args.get(0));
    } catch (NumberFormatException e) {
      return List.of();
    }
    List<String> words = new ArrayList<>(args.subList(1, args.size()));
    if (index < 1) {
      return List.of();
    }
    while (words.size() <= index) {
      words.add("");
    }
    String current = words.get(index);
    if (index == 1) {
      return matching(SUBCOMMANDS, current);
    }
    if (FILE_OPTIONS.contains(words.get(index - 1))) {
      return List.of(CompletionScripts.FILES);
    }
    return switch (words.get(1)) {
      case "completion" -> index == 2 ? matching(List.of("bash", "zsh"), current) : List.of();
      case "ctl" -> ctl(words.subList(2, index), current, env);
      default -> List.of();
    };
  }

  private static List<String> ctl(List<String> before, String current, CtlCommand.Environment env) {
    CtlOptions options;
    try {
      options = CtlOptions.parse(before);
    } catch (CtlOptions.UsageException e) {
      return List.of(); // an option still waits for its value
    }
    if (options.args().isEmpty() && current.startsWith("-")) {
      return matching(CTL_OPTIONS, current);
    }
    CtlConfig config;
    try {
      config = CtlCommand.config(options, env);
    } catch (ConfigException e) {
      return List.of();
    }
    CtlSession.Settings settings =
        new CtlSession.Settings(
            options.serverurl() != null ? options.serverurl() : config.serverurl(),
            options.username() != null ? options.username() : config.username(),
            options.password() != null ? options.password() : config.password(),
            false,
            false);
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    ClientSettings quick =
        ClientSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
    StdinInput input = new StdinInput(env.in(), nowhere, false);
    List<String> out = new ArrayList<>();
    try (CtlSession session =
        new CtlSession(settings, RemoteLink.connector(quick), input, nowhere, nowhere)) {
      List<String> line = new ArrayList<>(options.args());
      line.add(current);
      for (String c : Completion.candidates(session, String.join(" ", line), current)) {
        out.add(c.strip());
      }
    }
    return out;
  }

  /**
   * {@code --configuration=}, {@code --help}, ...: ctl's long options as completion offers them.
   */
  private static List<String> ctlOptions() {
    List<String> out = new ArrayList<>();
    for (CommandOption o : CtlOptions.TABLE.documented()) {
      if (!o.name().isEmpty()) {
        out.add("--" + o.name() + (o.takesArgument() ? "=" : ""));
      }
    }
    return out;
  }

  /** Every spelling of the options of ctl, daemon, console and servers whose value is a file. */
  private static List<String> fileOptions() {
    List<String> out = new ArrayList<>();
    for (OptionTable t :
        List.of(
            CtlOptions.TABLE, DaemonOptions.TABLE, ConsoleCommand.TABLE, ServersCommand.TABLE)) {
      for (CommandOption o : t.options()) {
        if (o.argument().startsWith("FILE") && !out.containsAll(o.spellings())) {
          out.addAll(o.spellings());
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> matching(List<String> choices, String prefix) {
    List<String> out = new ArrayList<>();
    for (String c : choices) {
      if (c.startsWith(prefix)) {
        out.add(c);
      }
    }
    return out;
  }
}
