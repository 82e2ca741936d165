package dev.tend.app;

import dev.tend.config.ConfigException;
import dev.tend.config.Diagnostic;
import dev.tend.config.GroupConfig;
import dev.tend.config.LogFileSpec;
import dev.tend.config.ProcessConfig;
import dev.tend.config.StreamConfig;
import dev.tend.config.SupervisorConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code tend daemon --check} prints: each resolved process in start order with the settings
 * people look for, then every warning (and one per section that uses tend's own keys, which a
 * supervisord running the same file ignores); or every error, supervisord's way ({@code Error:
 * ...}) with where it was written.
 */
final class ConfigCheckReport {
  private ConfigCheckReport() {}

  static void valid(SupervisorConfig config, PrintStream out) {
    int processes = 0;
    for (GroupConfig g : config.groups()) {
      for (ProcessConfig p : g.processes()) {
        process(g, p, config, out);
        processes++;
      }
    }
    int warnings = 0;
    for (Diagnostic d : config.diagnostics()) {
      out.println(label(d) + d.message() + inParentheses(where(d)));
      warnings += d.severity() == Diagnostic.Severity.WARNING ? 1 : 0;
    }
    for (String w : TendKeysNote.warnings(config)) {
      out.println("Warning: " + w);
      warnings++;
    }
    out.println(
        config.file()
            + ": OK, "
            + plural(config.groups().size(), "group")
            + ", "
            + plural(processes, "process")
            + ", "
            + plural(warnings, "warning"));
  }

  static void invalid(ConfigException e, PrintStream err) {
    for (Diagnostic d : e.warnings()) {
      if (d.severity() == Diagnostic.Severity.WARNING) {
        err.println(label(d) + d.message() + inParentheses(where(d)));
      }
    }
    for (Diagnostic d : e.errors()) {
      err.println("Error: " + d.message());
      String where = where(d);
      if (!where.isEmpty()) {
        err.println("    at " + where);
      }
    }
  }

  private static void process(
      GroupConfig g, ProcessConfig p, SupervisorConfig config, PrintStream out) {
    String namespec = g.name().equals(p.name()) ? p.name() : g.name() + ":" + p.name();
    out.println(namespec + "  (" + kind(g) + ", " + p.origin() + ")");
    row(out, "command", p.command());
    row(out, "directory", p.directory() == null ? "(daemon's)" : p.directory());
    row(out, "user", p.user() == null ? "(daemon's)" : p.user() + " (uid " + p.uid() + ")");
    row(out, "stdout log", log(p.stdout(), config.supervisord().childlogdir()));
    row(
        out,
        "stderr log",
        p.redirectStderr()
            ? "redirected to stdout"
            : log(p.stderr(), config.supervisord().childlogdir()));
    row(out, "autostart", String.valueOf(p.autostart()));
    row(out, "autorestart", p.autorestart().name().toLowerCase(java.util.Locale.ROOT));
    row(out, "startsecs", String.valueOf(p.startsecs()));
    row(out, "startretries", String.valueOf(p.startretries()));
    row(out, "stopsignal", p.stopsignal().name());
    row(out, "priority", p.priority() + " (group " + g.priority() + ")");
    TendKeysNote.rows(p.tend(), (name, value) -> row(out, name, value));
    out.println();
  }

  private static String kind(GroupConfig g) {
    return switch (g.kind()) {
      case PROGRAM -> "program";
      case HETEROGENEOUS -> "in [group:" + g.name() + "]";
      // the parser gives every group of these kinds its socket and its listener settings
      case FCGI_PROGRAM -> "fcgi-program on " + Objects.requireNonNull(g.socket()).url();
      case EVENT_LISTENER ->
          "eventlistener for " + String.join(",", Objects.requireNonNull(g.listener()).events());
    };
  }

  private static String log(StreamConfig s, Path childlogdir) {
    String where =
        switch (s.logfile()) {
          case LogFileSpec.Auto a -> "AUTO in " + childlogdir;
          case LogFileSpec.None n -> "NONE";
          case LogFileSpec.File f -> f.path().toString();
        };
    if (!(s.logfile() instanceof LogFileSpec.None)) {
      where += ", maxbytes " + bytes(s.logfileMaxbytes()) + ", backups " + s.logfileBackups();
    }
    return s.syslog() ? where + " + syslog" : where;
  }

  /** 52428800 as 50MB: the way the config writes it. */
  static String bytes(long n) {
    long[] units = {1024L * 1024 * 1024, 1024L * 1024, 1024L};
    String[] names = {"GB", "MB", "KB"};
    for (int i = 0; i < units.length; i++) {
      if (n != 0 && n % units[i] == 0) {
        return n / units[i] + names[i];
      }
    }
    return Long.toString(n);
  }

  private static void row(PrintStream out, String name, String value) {
    out.println("  " + name + " ".repeat(Math.max(1, 14 - name.length())) + value);
  }

  private static String label(Diagnostic d) {
    return d.severity() == Diagnostic.Severity.WARNING ? "Warning: " : "Info: ";
  }

  private static String inParentheses(String where) {
    return where.isEmpty() ? "" : " (" + where + ")";
  }

  /** {@code x.conf line 3, [program:a] autostart = maybe}, or empty when not about a file. */
  static String where(Diagnostic d) {
    if (d.file() == null || d.message().contains("\n")) {
      return "";
    }
    StringBuilder b = new StringBuilder().append(d.file());
    if (d.line() > 0) {
      b.append(" line ").append(d.line());
    }
    if (d.section() != null) {
      b.append(", [").append(d.section()).append(']');
      if (d.key() != null) {
        b.append(' ').append(d.key());
        if (d.value() != null) {
          b.append(" = ").append(d.value());
        }
      }
    }
    return b.toString();
  }

  private static String plural(int n, String word) {
    return n + " " + (n == 1 ? word : word.equals("process") ? "processes" : word + "s");
  }
}
