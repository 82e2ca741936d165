package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Beyond supervisord: typos in keys and section types are warnings with a suggestion. */
class UnknownKeysTest {
  @TempDir Path dir;

  private List<String> warnings(String text) throws Exception {
    return new ConfigFiles(dir).load(text).diagnostics().stream().map(Diagnostic::message).toList();
  }

  @Test
  void misspelledKeyGetsTheClosestKnownOne() throws Exception {
    assertEquals(
        List.of("unknown key 'autorestrat' in [program:web] (did you mean 'autorestart'?)"),
        warnings("[program:web]\ncommand=x\nautorestrat=true\n"));
    assertEquals(
        List.of("unknown key 'logfil' in [supervisord] (did you mean 'logfile'?)"),
        warnings("logfil=x\n"));
  }

  @Test
  void farOffKeyHasNoSuggestion() throws Exception {
    assertEquals(
        List.of("unknown key 'colour' in [program:web]"),
        warnings("[program:web]\ncommand=x\ncolour=blue\n"));
  }

  @Test
  void misspelledSectionTypes() throws Exception {
    assertEquals(
        List.of("unknown section [programm:web] (did you mean [program:web]?)"),
        warnings("[programm:web]\ncommand=x\n"));
    assertEquals(
        List.of("unknown section [program] (did you mean [program:NAME]?)"),
        warnings("[program]\ncommand=x\n"));
    assertEquals(List.of("unknown section [my stuff]"), warnings("[my stuff]\n"));
  }

  @Test
  void tendKeysAndFreeFormSectionsAreKnown() throws Exception {
    assertEquals(
        List.of(),
        warnings(
            "[program:a]\ncommand=x\nstdout_logfile_timestamps=true\n"
                + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface\n"
                + "[ctlplugin:x]\nsupervisor.ctl_factory=a:b\nany=thing\n"));
  }

  @Test
  void warningsSayWhere() throws Exception {
    Diagnostic d =
        new ConfigFiles(dir)
            .load("[program:web]\ncommand=x\nautorestrat=true\n")
            .diagnostics()
            .get(0);
    assertEquals(4, d.line());
    assertEquals("program:web", d.section());
    assertEquals("autorestrat", d.key());
    assertEquals(Diagnostic.Severity.WARNING, d.severity());
  }

  @Test
  void editDistanceCountsTranspositionsOnce() {
    assertEquals(1, KnownKeys.distance("autorestrat", "autorestart"));
    assertEquals(3, KnownKeys.distance("kitten", "sitting"));
  }
}
