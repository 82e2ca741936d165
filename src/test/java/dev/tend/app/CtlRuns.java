package dev.tend.app;

import dev.tend.testing.RealSupervisorctl.CtlResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** tend ctl run in this JVM (milliseconds, not a JVM start each), and output normalisation. */
final class CtlRuns {
  private static final Pattern UPTIME = Pattern.compile("uptime \\d+:\\d\\d:\\d\\d");
  private static final Pattern PID = Pattern.compile("pid \\d+");
  private static final Pattern PYTHON_SOURCE =
      Pattern.compile(": file: \\S+ line: \\d+$", Pattern.MULTILINE);

  private CtlRuns() {}

  /** {@code tend ctl ARGS} with {@code stdin}, as if neither stream were a terminal. */
  static CtlResult tend(Path dir, String stdin, List<String> args) {
    return tend(dir, stdin, args, Map.of("LANG", "C.UTF-8"));
  }

  static CtlResult tend(Path dir, String stdin, List<String> args, Map<String, String> vars) {
    return tend(dir, stdin, args, vars, false);
  }

  /** As if stdin were a terminal when {@code terminal}: someone can answer a login prompt. */
  static CtlResult tend(
      Path dir, String stdin, List<String> args, Map<String, String> vars, boolean terminal) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CtlCommand.Environment env =
        new CtlCommand.Environment(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, false, StandardCharsets.UTF_8),
            new PrintStream(err, false, StandardCharsets.UTF_8),
            vars,
            dir,
            terminal,
            false);
    int exit = CtlCommand.run(args.toArray(new String[0]), env);
    env.out().flush();
    env.err().flush();
    return new CtlResult(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * What may differ between two runs a moment apart: uptimes; supervisorctl's Python source
   * locations (tend has none to show) and its program name in usage errors.
   */
  static CtlResult normalise(CtlResult r) {
    return new CtlResult(r.exit(), normalise(r.out()), normalise(r.err()));
  }

  /** As {@link #normalise(CtlResult)}, and pids too, for runs between which processes restart. */
  static CtlResult withoutPids(CtlResult r) {
    CtlResult n = normalise(r);
    return new CtlResult(
        n.exit(),
        PID.matcher(n.out()).replaceAll("pid N"),
        PID.matcher(n.err()).replaceAll("pid N"));
  }

  /** The same lines in sorted order, for output whose order is a race (group results). */
  static CtlResult sortedLines(CtlResult r) {
    return new CtlResult(r.exit(), sorted(r.out()), sorted(r.err()));
  }

  private static String sorted(String s) {
    List<String> lines = new java.util.ArrayList<>(s.lines().toList());
    java.util.Collections.sort(lines);
    return String.join("\n", lines) + (s.isEmpty() ? "" : "\n");
  }

  private static String normalise(String s) {
    String t = UPTIME.matcher(s).replaceAll("uptime X");
    t = PYTHON_SOURCE.matcher(t).replaceAll("");
    return t.replace("For help, use /usr/bin/supervisorctl -h", "For help, use tend ctl -h");
  }
}
