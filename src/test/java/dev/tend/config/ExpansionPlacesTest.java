package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which {@code %(name)s} each place may use (spec §1.4). */
class ExpansionPlacesTest {
  @TempDir Path dir;

  @Test
  void processValuesSeeEveryName() throws Exception {
    ProcessConfig p =
        new ConfigFiles(dir)
            .program(
                "directory=%(here)s/%(program_name)s/%(group_name)s/%(host_node_name)s/%(process_num)d/%(numprocs)d/%(ENV_PORT)s\n");
    assertEquals(dir + "/p/p/testhost/0/1/8080", p.directory());
  }

  @Test
  void programEnvironmentBecomesEnvNamesForCommandAndName() throws Exception {
    ProcessConfig p =
        new ConfigFiles(dir)
            .program("environment=ROLE=api\nprocess_name=%(ENV_ROLE)s\ncommand=run %(ENV_ROLE)s\n");
    assertEquals("api", p.name());
    assertEquals("run api", p.command());
  }

  @Test
  void supervisordEnvironmentBecomesEnvNamesForLaterSections() throws Exception {
    ProcessConfig p =
        new ConfigFiles(dir)
            .load("environment=STAGE=prod\n[program:p]\ncommand=run %(ENV_STAGE)s\n")
            .groups()
            .get(0)
            .processes()
            .get(0);
    assertEquals("run prod", p.command());
  }

  @Test
  void onceReadOptionsDoNotSeeProcessNum() {
    String e = new ConfigFiles(dir).programError("startsecs=%(process_num)d\n");
    assertTrue(
        e.startsWith(
            "Format string '%(process_num)d' for 'program:p.startsecs' contains names ('process_num')"),
        e);
  }

  @Test
  void groupPriorityOnlySeesHere() {
    String e = new ConfigFiles(dir).programError("priority=%(program_name)s\n");
    assertTrue(
        e.startsWith("Format string '%(program_name)s' for 'program:p.priority' contains names"),
        e);
  }

  @Test
  void serverKeysOtherThanTheSocketFileDoNotSeeHere() {
    String e = new ConfigFiles(dir).error("[inet_http_server]\nport=%(here)s\n");
    assertTrue(e.contains("contains names ('here')"), e);
  }

  @Test
  void fcgiSocketSeesProgramNameButNotProcessNum() {
    String e =
        new ConfigFiles(dir)
            .error("[fcgi-program:f]\ncommand=x\nsocket=unix:///s%(process_num)d\n");
    assertTrue(e.contains("contains names ('process_num')"), e);
  }

  @Test
  void literalPercentIsDoubled() throws Exception {
    assertEquals("date +%s", new ConfigFiles(dir).program("command=date +%%s\n").command());
  }

  @Test
  void bareSFormatsTheNamesLikeSupervisordDoes() throws Exception {
    String command = new ConfigFiles(dir).program("command=date +%s\n").command();
    assertTrue(
        command.startsWith("date +{'ENV_HOME': '/home/tester', 'ENV_PORT': '8080', 'here': "),
        command);
  }

  @Test
  void defaultsSeeExpansionToo() throws Exception {
    assertEquals("p", new ConfigFiles(dir).program("").name());
  }
}
