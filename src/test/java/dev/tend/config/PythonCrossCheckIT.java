package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.platform.EtcFilesUserDatabase;
import dev.tend.platform.Hostname;
import dev.tend.testing.TestDependency;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs supervisor 4.2.5's own Python code on tables of inputs and compares every result and error
 * text with tend's: %-format, shlex splitting, environment= parsing, value types, and the first
 * error of whole configs as supervisord reports it.
 */
class PythonCrossCheckIT {
  private static final Path SCRIPTS = Path.of("src/test/resources/crosscheck").toAbsolutePath();
  private static String python;

  /** The environment both sides see: this JVM's plus PORT, which the every-section fixture uses. */
  private static final Map<String, String> ENV = new java.util.TreeMap<>(System.getenv());

  static {
    ENV.put("PORT", "8080");
  }

  @TempDir Path dir;

  @BeforeAll
  static void findPython() {
    TestDependency.require("supervisor");
    TestDependency.require("python3");
    python = "/usr/bin/python3";
  }

  private record Case(String kind, String input) {}

  private static final List<Case> CASES = new ArrayList<>();

  private static void add(String kind, String... inputs) {
    for (String i : inputs) {
      CASES.add(new Case(kind, i));
    }
  }

  static {
    add(
        "format",
        "%(here)s/x",
        "%(n)d",
        "%(n)02d",
        "%(n)-4d|",
        "%(n)+d",
        "%(n) d",
        "%(n).3d",
        "%(n)05.3d",
        "%(n)x",
        "%(n)#x",
        "%(n)#o",
        "%(n)X",
        "%(n)#X",
        "%(neg)05d",
        "%(neg)#x",
        "%(neg)o",
        "%(n)e",
        "%(n).0e",
        "%(n)#.0e",
        "%(n)10.4e",
        "%(n)E",
        "%(n)g",
        "%(n)#g",
        "%(n)G",
        "%(n)f",
        "%(n).2f",
        "%(n)#.0f",
        "%(n)F",
        "%(n)c",
        "%(n)5c|",
        "%(s)r",
        "%(s)a",
        "%(s).1s",
        "%(s)5s|",
        "%(s)-5s|",
        "%(s)05s",
        "%(s)10.1s|",
        "%(n)i",
        "%(n)u",
        "%(n)hd",
        "%(n)ld",
        "%%",
        "100%%",
        "a%(n)d%(n)03d%%x",
        "%(n)-+ 0#5d",
        "%(n)08.3x",
        "%(n)+.3x",
        "%(n)  5d|",
        "%",
        "100%",
        "%(n",
        "%(n)",
        "%(n)z",
        "%(n)%",
        "%(zz)%",
        "%(s)d",
        "%(s)x",
        "%(s)f",
        "%(s)c",
        "%s %s",
        "%(n)s %s",
        "%*d",
        "%(n)*d",
        "%(n).*d",
        "%(s)*s",
        "% d",
        "%(n)é",
        "%(n)\n",
        "%.5(n)d",
        "%(n)99999999999999999999d",
        "%-",
        "%#",
        "%5",
        "%.",
        "it's %(x)s",
        "say \"%(x)s\"",
        "tab\t%(x)s",
        "%s");
    add(
        "split",
        "/bin/echo a  b",
        "sh -c 'echo a; echo b'",
        "\"a b\" c",
        "a'b'",
        "x ''",
        "a\\ b",
        "\"a\\\"b\"",
        "\"a\\nb\"",
        "'a\\b'",
        "echo $HOME * | x",
        "echo \"x",
        "echo \\",
        "   ",
        "a\tb\nc",
        "caf\u00e9 \u00fcber",
        "\"\"",
        "a\"b c\"d");
    add(
        "env",
        "A=1,B=two",
        "A=\"x y\"",
        "B='q,r'",
        "A=\"\"",
        "K=a.b+c-d(e):f/g",
        "A=1;B=2",
        "A=1,",
        "A=\"x\"y",
        "A=x#y",
        "A=x#y\n,B=2",
        "A=1,\nB=2",
        "A=a b",
        "A=1,,B=2",
        "A=",
        "A=caf\u00e9",
        "A=\"unclosed",
        "A=\"a\\\"b\"",
        "",
        "  ",
        "A = 1 , B = 2",
        "A=$HOME",
        "A=a@b",
        "PATH=/usr/bin:/bin",
        "'A'=1");
    add("bool", "true", "TRUE", "Yes", "on", "1", "false", "No", "OFF", "0", "maybe", "", "y");
    add("int", "12", " 12 ", "-3", "+1", "1_000", "_1", "1__0", "007", "abc", "1.5", "", "0x1");
    add("bytes", "1KB", "50mb", "2Gb", "5000000", "0", "5M", "1.5MB", "MB", "-1KB", "5 mb", "");
    add("octal", "022", "0700", "777", "0o755", "999", "x", "", "-7", "0_7");
    add(
        "signal", "TERM", "term", "SIGTERM", "sigkill", " HUP ", "9", "RTMIN", "RTMAX", "IOT",
        "CLD", "POLL", "FOO", "99", "40", "SIGFOO", "-1", "1_5");
    add("exitcodes", "0", "0,2", " 1 , 255", "", "0,256", "0,", "a", "-1", "0,,1");
    add("autorestart", "Unexpected", "true", "off", "1", "Sometimes", "");
    add("loglevel", "BLATHER", "warn", "critical", "warning", "Info", "");
    add("name", "web", " web ", "a b", "a:b", "a/b", "", "a\tb");
    add(
        "inet",
        "9001",
        "*:9001",
        ":9001",
        "LocalHost:9001",
        "x",
        "h:65536",
        "h:0",
        "h:x",
        "h:",
        "0",
        "1.2.3.4:80");
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }

  /** tend's answer for one case, in the script's format. */
  private static String tend(Case c) {
    Map<String, Object> names = new java.util.LinkedHashMap<>();
    names.put("here", "/h");
    names.put("n", 3L);
    names.put("s", "ab");
    names.put("neg", -42L);
    try {
      String r =
          switch (c.kind()) {
            case "format" -> PercentFormat.expand(c.input(), names, "x");
            case "split" -> split(c.input());
            case "env" ->
                EnvironmentParser.parse(c.input()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\u001f"));
            case "bool" -> String.valueOf(ValueTypes.bool(c.input()));
            case "int" -> String.valueOf(ValueTypes.integer(c.input()));
            case "bytes" -> String.valueOf(ValueTypes.byteSize(c.input()));
            case "octal" -> String.valueOf(ValueTypes.octal(c.input()));
            case "signal" -> String.valueOf(ValueTypes.signal(c.input()).number());
            case "exitcodes" ->
                ValueTypes.exitcodes(c.input()).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            case "autorestart" -> ValueTypes.autorestart(c.input()).name();
            case "loglevel" -> String.valueOf(ValueTypes.logLevel(c.input()).level());
            case "name" -> ValueTypes.name(c.input());
            case "inet" -> {
              ValueTypes.InetAddress a = ValueTypes.inetAddress(c.input());
              yield a.host() + ":" + a.port();
            }
            default -> throw new IllegalArgumentException(c.kind());
          };
      return "OK\t" + escape(r);
    } catch (InvalidValueException e) {
      return "ERR\t" + escape(e.getMessage());
    }
  }

  /** The script shows shlex's own words and errors; supervisord wraps them at spawn time. */
  private static String split(String command) throws InvalidValueException {
    try {
      List<String> words = CommandLine.split(command);
      return words.size() + ":" + String.join("\u001f", words);
    } catch (BadCommandException e) {
      String m = e.getMessage();
      if (m.equals("command is empty")) {
        return "0:";
      }
      throw new InvalidValueException(m.substring(m.lastIndexOf(": ") + 2));
    }
  }

  private List<String> runPython(String script, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, SCRIPTS.resolve(script).toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(ENV);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    return List.of(text.split("\n", -1)).subList(0, (int) text.lines().count());
  }

  @Test
  void valueTypesFormattingAndSplittingAgreeWithSupervisor() throws Exception {
    Path input = dir.resolve("cases.txt");
    Files.writeString(
        input,
        CASES.stream()
            .map(c -> c.kind() + "\t" + escape(c.input()))
            .collect(Collectors.joining("\n", "", "\n")));
    List<String> python = runPython("values.py", List.of(input.toString()));
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      String expected = python.get(i);
      String actual = tend(c);
      if (!expected.equals(actual)) {
        mismatches.add(c + "\n   python: " + expected + "\n   tend:   " + actual);
      }
    }
    assertEquals(List.of(), mismatches, String.join("\n", mismatches));
  }

  private static final List<String> CONFIGS =
      List.of(
          "[supervisord]\n[program:a]\ncommand=x\nautostart=maybe\n",
          "[supervisord]\n[program:a]\ncommand=x\nautorestart=sometimes\n",
          "[supervisord]\n[program:a]\ncommand=x\nstopsignal=FOO\n",
          "[supervisord]\n[program:a]\ncommand=x\nexitcodes=0,256\n",
          "[supervisord]\numask=999\n",
          "[supervisord]\nloglevel=loud\n",
          "[supervisord]\n[program:a b]\ncommand=x\n",
          "[supervisord]\n[eventlistener:e]\ncommand=x\n",
          "[supervisord]\n[eventlistener:e]\ncommand=x\nevents=FOO\n",
          "[supervisord]\n[eventlistener:e]\ncommand=x\nevents=TICK_5\nbuffer_size=0\n",
          "[supervisord]\n[program:a]\ncommand=x\nnumprocs=2\n",
          "[supervisord]\n[program:a]\ncommand=x %(foo)s\n",
          "[supervisord]\n[program:a]\ncommand=x 100%\n",
          "[supervisord]\n[include]\n",
          "[program:a]\ncommand=x\n",
          "[supervisord]\nbogus line\n",
          "[supervisord]\n[program:a]\nautostart=true\n",
          "[supervisord]\n[group:g]\nprograms=zz\n",
          "[supervisord]\n[inet_http_server]\nport=nope\n",
          "[supervisord]\n[inet_http_server]\nport=1:70000\n",
          "[supervisord]\n[unix_http_server]\nchmod=0700\n",
          "[supervisord]\n[unix_http_server]\nfile=/tmp/x.sock\nusername=u\n",
          "[supervisord]\n[fcgi-program:f]\ncommand=x\n",
          "[supervisord]\n[fcgi-program:f]\ncommand=x\nsocket=tcp://h:1\nsocket_mode=0700\n",
          "[supervisord]\n[program:a]\ncommand=x\nstopasgroup=true\nkillasgroup=false\n",
          "[supervisord]\n[program:a]\ncommand=x\nenvironment=A=1,,B=2\n",
          "[supervisord]\nenvironment=H=%(host_node_name)s\n",
          "[supervisord]\nuser=no_such_user_here\n",
          "[supervisord]\nchildlogdir=/no/such/dir\n",
          "[supervisord]\nlogfile=/no/such/dir/x.log\n",
          "[supervisord]\n[program:a]\ncommand=x\nstdout_logfile=/no/such/dir/x.log\n",
          "[supervisord]\n[program:a]\ncommand=x\npriority=%(program_name)s\n",
          "[supervisord]\n[program:a]\ncommand=x\nstartsecs=%(process_num)d\n",
          "[supervisord]\n[rpcinterface:x]\nfoo=bar\n",
          "[supervisord]\n[DEFAULT]\nstartsecs=x\n[program:a]\ncommand=x\n",
          "[supervisord]\n[program:a]\ncommand=x\nuser=no_such_user_here\n",
          "[supervisord]\nenvironment=A=%%(host_node_name)s\n[program:a]\ncommand=x %(ENV_A)s\n",
          "[supervisord]\n[program:a]\ncommand=x\nnumprocs=3\nprocess_name=%(program_name)s_%(process_num)02d\n");

  @Test
  void firstErrorOfEachConfigAgreesWithSupervisord() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < CONFIGS.size(); i++) {
      String name = "c" + i + ".conf";
      Files.writeString(dir.resolve(name), CONFIGS.get(i));
      names.add(name);
    }
    List<String> python = runPython("first_error.py", names);
    ConfigContext context =
        new ConfigContext(ENV, Hostname.get(), EtcFilesUserDatabase.system(), dir, Path.of("/tmp"));
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < CONFIGS.size(); i++) {
      String actual;
      try {
        new ConfigLoader(context).load(Path.of(names.get(i)));
        actual = "OK";
      } catch (ConfigException e) {
        actual = "ERR\t" + e.getMessage().replace("\\", "\\\\").replace("\n", "\\n");
      }
      if (!python.get(i).equals(actual)) {
        mismatches.add(CONFIGS.get(i) + "   python: " + python.get(i) + "\n   tend:   " + actual);
      }
    }
    assertEquals(List.of(), mismatches, String.join("\n", mismatches));
  }

  private static final List<String> GOOD_CONFIGS =
      List.of(
          "[supervisord]\n[DEFAULT]\nstartsecs=5\n[program:a]\ncommand=x %(program_name)s\n",
          "[supervisord]\nenvironment=A=1,B=\"x y\"\n[program:w]\ncommand=w %(process_num)02d\n"
              + "numprocs=3\nnumprocs_start=7\nprocess_name=%(program_name)s_%(process_num)d\n"
              + "environment=B=mine,C='q,r'\nstdout_logfile=%(here)s/100%%%%-%(process_num)d.log\n"
              + "stdout_logfile_maxbytes=1KB\nstderr_logfile=off\numask=002\npriority=3\n",
          "[supervisord]\n[group:g]\nprograms=b,a\npriority=4\n[program:a]\ncommand=a %(group_name)s\n"
              + "priority=9\n[program:b]\ncommand=b\nautorestart=true\nexitcodes=0,2\n"
              + "stopsignal=hup\nstopasgroup=true\nredirect_stderr=true\nserverurl=AUTO\n",
          "[supervisord]\n[eventlistener:e]\ncommand=e\nevents=TICK_5\n"
              + "[fcgi-program:f]\ncommand=f\nsocket=tcp://localhost:9000\n"
              + "[program:s]\ncommand=s\nstdout_logfile=syslog\nuser=root\ndirectory=/tmp\n",
          "[supervisord]\n[program:q]\ncommand = /bin/sh -c 'a ; b' ; comment\n"
              + "environment=A=x#y\n  ,B=2\nstdout_events_enabled=yes\nstdout_capture_maxbytes=1MB\n");

  private static String tendResolved(SupervisorConfig c) {
    StringBuilder b = new StringBuilder();
    for (GroupConfig g : c.groups()) {
      String kind =
          switch (g.kind()) {
            case PROGRAM, HETEROGENEOUS -> "ProcessGroupConfig";
            case FCGI_PROGRAM -> "FastCGIGroupConfig";
            case EVENT_LISTENER -> "EventListenerPoolConfig";
          };
      b.append("GROUP ").append(g.name()).append(' ').append(g.priority()).append(' ');
      b.append(kind).append('\n');
      for (ProcessConfig p : g.processes()) {
        List<Object> f =
            List.of(
                p.name(),
                p.command(),
                p.priority(),
                py(p.autostart()),
                p.autorestart().name(),
                p.startsecs(),
                p.startretries(),
                p.exitcodes().stream().map(String::valueOf).collect(Collectors.joining(",")),
                p.stopsignal().number(),
                p.stopwaitsecs(),
                py(p.stopasgroup()),
                py(p.killasgroup()),
                dash(p.uid()),
                py(p.redirectStderr()),
                dash(p.directory()),
                dash(p.umask()),
                p.stdout().logfile(),
                p.stderr().logfile(),
                p.stdout().logfileMaxbytes(),
                p.stdout().logfileBackups(),
                p.stdout().captureMaxbytes(),
                py(p.stdout().eventsEnabled()),
                py(p.stdout().syslog()),
                p.stderr().logfileMaxbytes(),
                py(p.stderr().syslog()),
                dash(p.serverurl()),
                new java.util.TreeMap<>(p.environment())
                    .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";")));
        b.append("  ")
            .append(f.stream().map(String::valueOf).collect(Collectors.joining("|")))
            .append('\n');
      }
    }
    return b.append("END").toString();
  }

  private static String py(boolean b) {
    return b ? "True" : "False";
  }

  private static String dash(@org.jspecify.annotations.Nullable Object o) {
    return o == null ? "-" : String.valueOf(o);
  }

  @Test
  void resolvedProcessesAgreeWithSupervisord() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < GOOD_CONFIGS.size(); i++) {
      Files.writeString(dir.resolve("g" + i + ".conf"), GOOD_CONFIGS.get(i));
      names.add("g" + i + ".conf");
    }
    Path demo = dir.resolve("demo/supervisord.conf");
    Files.createDirectories(demo.getParent().resolve("run"));
    Files.copy(Path.of("examples/demo/supervisord.conf"), demo);
    names.add("demo/supervisord.conf");
    Path every = dir.resolve("every/every-section.conf");
    Files.createDirectories(every.getParent().resolve("run"));
    Files.createDirectories(every.getParent().resolve("every-section.d"));
    Path fixtures = Path.of("src/test/resources/fixtures");
    Files.copy(fixtures.resolve("every-section.conf"), every);
    Files.copy(
        fixtures.resolve("every-section.d/extra.conf"),
        every.getParent().resolve("every-section.d/extra.conf"));
    names.add("every/every-section.conf");
    String python = String.join("\n", runPython("resolved.py", names));
    ConfigContext context =
        new ConfigContext(ENV, Hostname.get(), EtcFilesUserDatabase.system(), dir, Path.of("/tmp"));
    StringBuilder tend = new StringBuilder();
    for (String name : names) {
      if (tend.length() > 0) {
        tend.append('\n');
      }
      tend.append(tendResolved(new ConfigLoader(context).load(Path.of(name))));
    }
    assertEquals(python, tend.toString());
  }
}
