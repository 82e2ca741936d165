package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tend daemon --check} on tend's own keys: their values, the note, their errors. */
class TendKeysCheckTest {
  @TempDir Path dir;

  private String[] check(String programs) throws Exception {
    Files.writeString(dir.resolve("site.conf"), "[supervisord]\n" + programs);
    return DaemonCheckGoldenTest.check(dir, "--check", "-c", "site.conf");
  }

  @Test
  void showsEachKeysValueAndWarnsThatSupervisordIgnoresThem() throws Exception {
    String[] r =
        check(
            "[program:web]\ncommand=/bin/cat\nready_http=http://127.0.0.1:8000/health\n"
                + "health_tcp=8000\nhealth_action=signal:HUP\nbackoff=exponential\n"
                + "[program:worker]\ncommand=/bin/cat\ndepends_on=web\n"
                + "[program:plain]\ncommand=/bin/cat\n");
    assertEquals("0", r[0], r[2]);
    String out = r[1];
    assertTrue(
        out.contains(
            "  ready when    http http://127.0.0.1:8000/health (timeout 60 s, every 1 s)\n"
                + "  health        tcp 127.0.0.1:8000 every 10 s (timeout 5 s), 3 failures:"
                + " signal:HUP\n"
                + "  backoff       exponential from 1 s to 60 s, reset after 60 s up\n"),
        out);
    assertTrue(out.contains("  depends on    web\n"), out);
    assertTrue(
        out.contains(
            "Warning: [program:web] uses ready_http, health_tcp, backoff: only tend reads them;"
                + " supervisord runs this file without them\n"),
        out);
    assertTrue(
        out.contains(
            "Warning: [program:worker] uses depends_on: only tend reads it; supervisord runs this"
                + " file without it\n"),
        out);
    assertTrue(out.endsWith("OK, 3 groups, 3 processes, 2 warnings\n"), out);
  }

  @Test
  void aCycleIsAnErrorWithWhereItIsWritten() throws Exception {
    String[] r =
        check(
            "[program:a]\ncommand=/bin/cat\ndepends_on=b\n"
                + "[program:b]\ncommand=/bin/cat\ndepends_on=a\n");
    assertEquals("2", r[0]);
    assertTrue(
        r[2].contains(
            "Error: dependency cycle: a -> b -> a in section 'program:a' (file: 'site.conf')\n"
                + "    at site.conf line 4, [program:a] depends_on = b\n"),
        r[2]);
  }
}
