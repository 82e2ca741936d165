package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depends_on}: what a name may name, and the errors a bad graph gives, with the line. */
class DependsOnTest {
  @TempDir Path dir;

  private ConfigFiles files() {
    return new ConfigFiles(dir);
  }

  private static String program(String name, String more) {
    return "[program:" + name + "]\ncommand=/bin/cat\n" + more + "\n";
  }

  @Test
  void programsProcessesAndGroupsMayBeNamed() throws Exception {
    SupervisorConfig c =
        files()
            .load(
                program("broker", "")
                    + "[group:db]\nprograms=primary,replica\n"
                    + program("primary", "")
                    + program("replica", "depends_on=db:primary")
                    + program("worker", "depends_on = broker, db:* , broker"));
    ProcessConfig worker = c.group("worker").orElseThrow().processes().get(0);
    assertEquals(
        List.of(new DependencySpec(null, "broker"), new DependencySpec("db", null)),
        worker.tend().dependsOn());
  }

  @Test
  void aChainThreeDeepLoads() throws Exception {
    SupervisorConfig c =
        files()
            .load(
                program("a", "")
                    + program("b", "depends_on=a")
                    + program("c", "depends_on=b")
                    + program("d", "depends_on=c"));
    assertEquals(4, c.groups().size());
  }

  @Test
  void anUnknownNameIsAnErrorAtItsLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> files().load(program("broker", "") + program("worker", "depends_on=borker")));
    Diagnostic d = e.errors().get(0);
    assertEquals(
        "depends_on names unknown program 'borker' (did you mean 'broker'?) in section"
            + " 'program:worker' (file: '"
            + dir.resolve("supervisord.conf")
            + "')",
        d.message());
    assertEquals(7, d.line());
    assertEquals("program:worker", d.section());
    assertEquals("depends_on", d.key());
    assertEquals("borker", d.value());
  }

  @Test
  void aGroupNamedAsAProgramIsExplained() {
    String error =
        files()
            .errors(
                "[group:db]\nprograms=primary\n"
                    + program("primary", "")
                    + program("worker", "depends_on=db"))
            .get(0);
    assertEquals(
        "depends_on names 'db', a group and not a program: write 'db:*' in section"
            + " 'program:worker' (file: '"
            + dir.resolve("supervisord.conf")
            + "')",
        error);
  }

  @Test
  void unknownGroupsAndProcesses() {
    ConfigFiles f = files();
    assertEquals(
        List.of(
            "depends_on names unknown group 'nope' in section 'program:a' (file: '"
                + dir.resolve("supervisord.conf")
                + "')",
            "depends_on names unknown process 'a:zz' in section 'program:b' (file: '"
                + dir.resolve("supervisord.conf")
                + "')"),
        f.errors(program("a", "depends_on=nope:*") + program("b", "depends_on=a:zz")));
  }

  @Test
  void aCycleIsAnErrorNamingItsPath() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                files()
                    .load(
                        program("a", "depends_on=c")
                            + program("b", "depends_on=a")
                            + program("c", "depends_on=b")));
    assertEquals(1, e.errors().size());
    Diagnostic d = e.errors().get(0);
    assertEquals(
        "dependency cycle: a -> c -> b -> a in section 'program:a' (file: '"
            + dir.resolve("supervisord.conf")
            + "')",
        d.message());
    assertEquals(4, d.line());
  }

  @Test
  void dependingOnItselfIsAnError() {
    assertEquals(
        List.of(
            "w:w0 depends on itself (through 'w') in section 'program:w' (file: '"
                + dir.resolve("supervisord.conf")
                + "')"),
        files()
            .errors(
                "[program:w]\ncommand=/bin/cat\nnumprocs=2\nprocess_name=w%(process_num)d\n"
                    + "depends_on=w\n"));
  }

  @Test
  void aBadNameIsSupervisordsNameError() {
    assertEquals(
        "Invalid name: 'a b' because of character: ' ' in section 'program:p' (file: '"
            + dir.resolve("supervisord.conf")
            + "')",
        files().programError("depends_on=a b"));
  }
}
