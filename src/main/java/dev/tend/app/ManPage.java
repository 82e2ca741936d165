package dev.tend.app;

import dev.tend.cli.CtlSession;
import dev.tend.config.ConfigLocator;
import dev.tend.tui.keymap.KeyHelp;
import dev.tend.tui.keymap.Keymap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tend's man pages, tend(1), tend-daemon(8) and tend-ctl(1), made at build time (bin/release) from
 * the tables the programs run on: the option tables of the console, the daemon and the ctl, the
 * ctl's own {@code help} of every verb, the console's keymap, the config search order. {@code java
 * -cp tend.jar dev.tend.app.ManPage DIR DATE} writes them into DIR.
 */
final class ManPage {
  /** Where a .deb puts tend; the config search order's first paths are relative to it. */
  static final Path INSTALLED_BIN = Path.of("/usr/lib/tend/bin");

  private ManPage() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ManPage DIR DATE   (writes tend.1, tend-daemon.8, tend-ctl.1)");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (Map.Entry<String, String> page : pages(args[1]).entrySet()) {
      Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** File name to page. */
  static Map<String, String> pages(String date) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("tend.1", console(date));
    pages.put("tend-daemon.8", daemon(date));
    pages.put("tend-ctl.1", ctl(date));
    return pages;
  }

  static String console(String date) {
    Roff r =
        head("tend", 1, date, "a process supervisor with a console, compatible with supervisord");
    r.section("SYNOPSIS").verbatim(Main.USAGE.substring(Main.USAGE.indexOf("usage:")));
    r.section("DESCRIPTION").paragraph(ConsoleCommand.ABOUT);
    r.paragraph(
        """
        tend daemon runs the programs of a supervisord.conf (see tend-daemon(8)); tend ctl
        controls them as supervisorctl does (see tend-ctl(1)); the console shows them live, with
        their logs, and acts on keys. The console and tend ctl also attach to a real supervisord.
        tend completion bash and tend completion zsh print shell completion scripts; tend
        --version names the version, the commit and the Java runtime.
        """);
    options(r, ConsoleCommand.TABLE);
    r.section("SERVERS").paragraph(ServersCommand.ABOUT);
    tagged(r, ServersCommand.TABLE);
    r.section("KEYS").paragraph("The console's keys by default (keys.conf rebinds them by name):");
    for (KeyHelp.Section s : KeyHelp.sections(Keymap.defaults())) {
      r.subsection(s.title());
      for (KeyHelp.Entry e : s.entries()) {
        r.tagged(e.keys(), e.description() + (e.dangerous() ? " (asks first)" : ""));
      }
    }
    r.section("FILES")
        .tagged("~/.config/tend/keys.conf", "key bindings: ACTION = KEY [KEY...]")
        .tagged("~/.config/tend/console.conf", "the theme chosen, log-lines")
        .tagged("~/.config/tend/themes/", "the user's own *.theme files")
        .tagged("~/.config/tend/layouts/", "the log panes kept per config or server");
    return seeAlso(r, "tend-daemon(8), tend-ctl(1), supervisord(1), supervisorctl(1)");
  }

  static String daemon(String date) {
    Roff r = head("tend-daemon", 8, date, "run a set of programs as daemons, as supervisord does");
    r.section("SYNOPSIS").verbatim("tend daemon [options]");
    r.section("DESCRIPTION")
        .paragraph(
            """
            supervisord's command line and config: tend daemon reads a supervisord.conf, starts
            its programs, keeps them running and serves supervisord's XML-RPC API on the
            config's [unix_http_server] and [inet_http_server], so that supervisorctl, tend ctl
            and the tend console manage them. It detaches once it is up unless -n (or
            nodaemon=true) keeps it in the foreground, as a service manager wants.

            SIGTERM and SIGINT stop every program and then the daemon; SIGHUP reloads the
            config (a config that no longer loads leaves the programs running); SIGUSR2
            reopens the log files.
            """);
    options(r, DaemonOptions.TABLE);
    r.section("FILES").paragraph("Without -c, the first of these that exists is read:");
    ConfigLocator locator = new ConfigLocator(INSTALLED_BIN, Path.of("/"), p -> false);
    r.verbatim(String.join("\n", locator.searchPaths()));
    r.paragraph(
            "(the first two relative to where tend is installed, the next two to the working directory)")
        .tagged("/etc/tend/tend.conf", "the system daemon's config (tend.service)")
        .tagged("/etc/tend/conf.d/*.conf", "programs of the system daemon, included by tend.conf")
        .tagged(
            "/etc/tend/sites/NAME.conf",
            "the config of one site's daemon (tend@NAME.service), run as the user its"
                + " [supervisord] user= names");
    return seeAlso(r, "tend(1), tend-ctl(1), supervisord(1), systemd.service(5)");
  }

  static String ctl(String date) {
    Roff r = head("tend-ctl", 1, date, "control the programs of tend or supervisord");
    r.section("SYNOPSIS").verbatim("tend ctl [options] [action [arguments]]");
    r.section("DESCRIPTION")
        .paragraph(
            "supervisorctl 4.2.5, byte for byte: the same options, actions, output and exit"
                + " statuses, against a tend daemon or a real supervisord.")
        .paragraph(CtlCommand.ABOUT_ACTIONS);
    options(r, CtlOptions.TABLE);
    r.section("ACTIONS").paragraph("What tend ctl help ACTION says of each:");
    for (Map.Entry<String, String> verb : verbHelp().entrySet()) {
      r.subsection(verb.getKey()).verbatim(verb.getValue());
    }
    r.section("FILES")
        .paragraph(
            "The config is found as tend-daemon(8) finds it; its [supervisorctl] section gives"
                + " serverurl, username, password, prompt and history_file.");
    return seeAlso(r, "tend(1), tend-daemon(8), supervisorctl(1)");
  }

  private static Roff head(String name, int section, String date, String summary) {
    Roff r = new Roff().title(name, section, date, "tend " + Version.get(), "tend");
    r.section("NAME");
    return r.paragraph(name + " - " + summary);
  }

  private static void options(Roff r, OptionTable table) {
    r.section("OPTIONS");
    tagged(r, table);
  }

  private static void tagged(Roff r, OptionTable table) {
    for (CommandOption o : table.documented()) {
      String tag = String.join(", ", o.spellings()) + (o.takesArgument() ? " " + o.argument() : "");
      r.tagged(tag, o.description());
    }
  }

  private static String seeAlso(Roff r, String pages) {
    return r.section("SEE ALSO").paragraph(pages).toString();
  }

  /** Verb name to what {@code help VERB} prints, from a ctl session's own help (no server). */
  static Map<String, String> verbHelp() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String verb : words(help("")).stream().sorted().toList()) {
      out.put(verb, help(verb));
    }
    return out;
  }

  private static String help(String verb) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StdinInput input = new StdinInput(new ByteArrayInputStream(new byte[0]), out, false);
    CtlSession.Settings settings =
        new CtlSession.Settings("unix:///nowhere", null, null, false, false);
    try (CtlSession s =
        new CtlSession(
            settings,
            (url, user, pass) -> {
              throw new IllegalStateException("help needs no server");
            },
            input,
            out,
            out)) {
      s.execute(("help " + verb).strip());
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The verb names of {@code help}'s columns (the lines after its "=====" rule). */
  private static List<String> words(String helpList) {
    List<String> names = new ArrayList<>();
    boolean table = false;
    for (String line : helpList.split("\n")) {
      if (line.startsWith("====")) {
        table = true;
      } else if (table) {
        for (String w : line.strip().split("\\s+")) {
          if (!w.isEmpty()) {
            names.add(w);
          }
        }
      }
    }
    return names;
  }
}
