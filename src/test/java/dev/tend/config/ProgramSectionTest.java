package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.platform.Signal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code [program:x]} option (spec §1.10): default, valid values, each error. */
class ProgramSectionTest {
  @TempDir Path dir;

  private ConfigFiles files() {
    return new ConfigFiles(dir);
  }

  @Test
  void defaults() throws Exception {
    ProcessConfig p = files().program("");
    assertEquals("p", p.name());
    assertEquals("p", p.programName());
    assertEquals(0, p.processNum());
    assertEquals("/bin/cat", p.command());
    assertNull(p.directory());
    assertNull(p.umask());
    assertEquals(999, p.priority());
    assertTrue(p.autostart());
    assertEquals(Autorestart.UNEXPECTED, p.autorestart());
    assertEquals(1, p.startsecs());
    assertEquals(3, p.startretries());
    assertEquals(List.of(0), p.exitcodes());
    assertEquals(Signal.TERM, p.stopsignal());
    assertEquals(10, p.stopwaitsecs());
    assertFalse(p.stopasgroup());
    assertFalse(p.killasgroup());
    assertNull(p.uid());
    assertNull(p.user());
    assertFalse(p.redirectStderr());
    StreamConfig auto =
        new StreamConfig(LogFileSpec.AUTO, 50L * 1024 * 1024, 10, 0, false, false, false);
    assertEquals(auto, p.stdout());
    assertEquals(auto, p.stderr());
    assertEquals(Map.of(), p.environment());
    assertNull(p.serverurl());
    assertEquals(new Origin(dir.resolve("supervisord.conf"), 2, "program:p"), p.origin());
  }

  @Test
  void everyOptionSet() throws Exception {
    ConfigFiles f = files();
    Path logs = dir.resolve("logs");
    java.nio.file.Files.createDirectories(logs);
    ProcessConfig p =
        f.program(
            String.join(
                "\n",
                "directory=/srv",
                "umask=002",
                "priority=5",
                "autostart=false",
                "autorestart=true",
                "startsecs=0",
                "startretries=7",
                "exitcodes=0,2",
                "stopsignal=INT",
                "stopwaitsecs=30",
                "stopasgroup=true",
                "user=nobody",
                "redirect_stderr=true",
                "stdout_logfile=%(here)s/logs/out.log",
                "stdout_logfile_maxbytes=1KB",
                "stdout_logfile_backups=2",
                "stdout_capture_maxbytes=1MB",
                "stdout_events_enabled=true",
                "stdout_syslog=true",
                "stdout_logfile_timestamps=true",
                "stderr_logfile=NONE",
                "environment=A=1,B=\"x y\"",
                "serverurl=http://127.0.0.1:9001",
                ""));
    assertEquals("/srv", p.directory());
    assertEquals(002, p.umask());
    assertEquals(5, p.priority());
    assertFalse(p.autostart());
    assertEquals(Autorestart.TRUE, p.autorestart());
    assertEquals(0, p.startsecs());
    assertEquals(7, p.startretries());
    assertEquals(List.of(0, 2), p.exitcodes());
    assertEquals(Signal.INT, p.stopsignal());
    assertEquals(30, p.stopwaitsecs());
    assertTrue(p.stopasgroup());
    assertTrue(p.killasgroup(), "killasgroup defaults to stopasgroup");
    assertEquals(65534, p.uid());
    assertEquals("nobody", p.user());
    assertTrue(p.redirectStderr());
    assertEquals(
        new StreamConfig(
            new LogFileSpec.File(logs.resolve("out.log")), 1024, 2, 1024 * 1024, true, true, true),
        p.stdout());
    assertEquals(LogFileSpec.NONE, p.stderr().logfile());
    assertEquals(Map.of("A", "1", "B", "x y"), p.environment());
    assertEquals("http://127.0.0.1:9001", p.serverurl());
  }

  @Test
  void serverurlAutoMeansTheDaemons() throws Exception {
    assertNull(files().program("serverurl=auto").serverurl());
  }

  @Test
  void logfileWords() throws Exception {
    ConfigFiles f = files();
    assertEquals(LogFileSpec.NONE, f.program("stdout_logfile=off").stdout().logfile());
    assertEquals(LogFileSpec.NONE, f.program("stdout_logfile=None").stdout().logfile());
    assertEquals(LogFileSpec.AUTO, f.program("stdout_logfile=Auto").stdout().logfile());
    ProcessConfig syslog = f.program("stdout_logfile=syslog");
    assertEquals(LogFileSpec.NONE, syslog.stdout().logfile());
    assertTrue(syslog.stdout().syslog());
  }

  @Test
  void logfilePathsExpandTildeAndResolveAgainstTheWorkingDirectory() throws Exception {
    ConfigFiles f = files();
    f.users.addUser(
        new dev.tend.platform.UserAccount(
            "tester", 1000, 1000, dir.toString(), "/bin/sh", List.of()));
    f.env.put("HOME", dir.toString());
    assertEquals(
        new LogFileSpec.File(dir.resolve("a.log")),
        f.program("stdout_logfile=~/a.log").stdout().logfile());
    assertEquals(
        new LogFileSpec.File(dir.resolve("b.log")),
        f.program("stdout_logfile=b.log").stdout().logfile());
  }

  @Test
  void logfileDirectoryMustExist() {
    assertEquals(
        "The directory named as part of the path /nope/x.log does not exist" + files().suffix(),
        files().programError("stdout_logfile=/nope/x.log"));
  }

  @Test
  void logfileIsExpandedTwiceSoPercentNeedsFourSigns() throws Exception {
    assertEquals(
        new LogFileSpec.File(dir.resolve("100%.log")),
        files().program("stdout_logfile=%(here)s/100%%%%.log").stdout().logfile());
    assertTrue(
        files()
            .programError("stdout_logfile=%(here)s/100%%.log")
            .startsWith(
                "Format string '" + dir + "/100%.log' for 'stdout_logfile' is badly formatted"));
  }

  @Test
  void eachTypeErrorCarriesTheSectionSuffix() {
    ConfigFiles f = files();
    String s = f.suffix();
    assertEquals("not a valid boolean value: 'maybe'" + s, f.programError("autostart=maybe"));
    assertEquals(
        "invalid 'autorestart' value 'sometimes'" + s, f.programError("autorestart=sometimes"));
    assertEquals("invalid literal for int() with base 10: 'x'" + s, f.programError("startsecs=x"));
    assertEquals(
        "invalid literal for int() with base 10: 'x'" + s, f.programError("startretries=x"));
    assertEquals(
        "invalid literal for int() with base 10: 'x'" + s, f.programError("stopwaitsecs=x"));
    assertEquals("invalid literal for int() with base 10: 'x'" + s, f.programError("numprocs=x"));
    assertEquals(
        "invalid literal for int() with base 10: 'x'" + s, f.programError("numprocs_start=x"));
    assertEquals(
        "invalid literal for int() with base 10: 'x'" + s,
        f.programError("stdout_logfile_backups=x"));
    assertEquals(
        "invalid literal for int() with base 10: '5m'" + s,
        f.programError("stdout_logfile_maxbytes=5M"));
    assertEquals(
        "invalid literal for int() with base 10: 'x'" + s,
        f.programError("stderr_capture_maxbytes=x"));
    assertEquals("not a valid list of exit codes: '0,256'" + s, f.programError("exitcodes=0,256"));
    assertEquals("value 'FOO' is not a valid signal name" + s, f.programError("stopsignal=FOO"));
    assertEquals("9x can not be converted to an octal type" + s, f.programError("umask=9x"));
    assertEquals("Invalid user name ghost" + s, f.programError("user=ghost"));
    assertEquals("Invalid user id 4242" + s, f.programError("user=4242"));
    assertEquals("not a valid boolean value: 'x'" + s, f.programError("stdout_syslog=x"));
    assertEquals("not a valid boolean value: 'x'" + s, f.programError("stderr_events_enabled=x"));
    assertEquals(
        "not a valid boolean value: 'x'" + s, f.programError("stdout_logfile_timestamps=x"));
    assertEquals(
        "Cannot set stopasgroup=true and killasgroup=false" + s,
        f.programError("stopasgroup=true\nkillasgroup=false"));
    assertEquals(
        "Unexpected end of key/value pairs in value 'A='" + s, f.programError("environment=A="));
  }

  @Test
  void priorityErrorOfAProgramGroupHasNoSuffixBecauseSupervisordReadsItFirstAtGroupLevel() {
    assertEquals(
        "invalid literal for int() with base 10: 'high'", files().programError("priority=high"));
  }

  @Test
  void commandIsRequired() {
    ConfigFiles f = files();
    assertEquals(
        "program section program:p does not specify a command" + f.suffix(),
        f.error("[program:p]\nautostart=true\n"));
  }

  @Test
  void badProgramNameHasNoSuffix() {
    assertEquals(
        "Invalid name: 'a b' because of character: ' '",
        files().error("[program:a b]\ncommand=x\n"));
  }

  @Test
  void numprocsNeedsProcessNumInTheName() throws Exception {
    ConfigFiles f = files();
    assertEquals(
        "%(process_num) must be present within process_name when numprocs > 1" + f.suffix(),
        f.programError("numprocs=2"));
    SupervisorConfig c =
        f.load(
            "[program:w]\ncommand=w %(process_num)d\nnumprocs=3\nnumprocs_start=5\nprocess_name=%(program_name)s_%(process_num)02d\n");
    GroupConfig g = c.group("w").orElseThrow();
    assertEquals(
        List.of("w_05", "w_06", "w_07"), g.processes().stream().map(ProcessConfig::name).toList());
    assertEquals(
        List.of("w 5", "w 6", "w 7"), g.processes().stream().map(ProcessConfig::command).toList());
    assertEquals(7, g.processes().get(2).processNum());
  }

  @Test
  void numprocsZeroMakesAnEmptyGroup() throws Exception {
    assertEquals(
        List.of(),
        files().load("[program:z]\ncommand=x\nnumprocs=0\n").group("z").orElseThrow().processes());
  }

  @Test
  void environmentMergesOverSupervisordsAndKeepsOrder() throws Exception {
    SupervisorConfig c =
        files()
            .load(
                "environment=A=global,B=global\n[program:p]\ncommand=x\nenvironment=B=mine,C=mine\n");
    Map<String, String> env = c.group("p").orElseThrow().processes().get(0).environment();
    assertEquals(List.of("A", "B", "C"), List.copyOf(env.keySet()));
    assertEquals(List.of("global", "mine", "mine"), List.copyOf(env.values()));
  }

  @Test
  void redirectStderrWithAFileWarnsAndDropsIt() throws Exception {
    SupervisorConfig c =
        files()
            .load(
                "[program:p]\ncommand=x\nredirect_stderr=true\nstderr_logfile=%(here)s/err.log\n");
    assertEquals(LogFileSpec.NONE, c.groups().get(0).processes().get(0).stderr().logfile());
    assertEquals(
        "For [program:p], redirect_stderr=true but stderr_logfile has also been set to a filename,"
            + " the filename has been ignored",
        c.diagnostics().get(0).message());
  }

  @Test
  void autoWithoutRolloverWarns() throws Exception {
    SupervisorConfig c = files().load("[program:p]\ncommand=x\nstdout_logfile_maxbytes=0\n");
    assertEquals(
        "For [program:p], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to"
            + " avoid filling up filesystem unintentionally",
        c.diagnostics().get(0).message());
    assertEquals(Diagnostic.Severity.WARNING, c.diagnostics().get(0).severity());
  }

  @Test
  void syslogLogfileIsDeprecatedWithAWarning() throws Exception {
    SupervisorConfig c = files().load("[program:p]\ncommand=x\nstdout_logfile=syslog\n");
    assertEquals(
        "For [program:p], stdout_logfile=syslog but this is deprecated and will be removed.  Use"
            + " stdout_syslog=true to enable syslog instead.",
        c.diagnostics().get(0).message());
  }

  @Test
  void everyErrorOfTheFileIsReportedWithWhereItWasWritten() {
    ConfigFiles f = files();
    java.util.List<Diagnostic> errors =
        org.junit.jupiter.api.Assertions.assertThrows(
                ConfigException.class,
                () ->
                    f.load(
                        "[program:a]\ncommand=x\nautostart=maybe\n[program:b]\ncommand=y\nstartsecs=-x\n"))
            .errors();
    assertEquals(2, errors.size());
    Diagnostic first = errors.get(0);
    assertEquals(dir.resolve("supervisord.conf"), first.file());
    assertEquals(4, first.line());
    assertEquals("program:a", first.section());
    assertEquals("autostart", first.key());
    assertEquals("maybe", first.value());
    assertEquals(7, errors.get(1).line());
  }

  @Test
  void directoryIsNotCheckedAtLoad() throws Exception {
    assertEquals("/does/not/exist", files().program("directory=/does/not/exist").directory());
  }
}
