package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  private static final Path FILE = Path.of("/srv/site.conf");

  @Test
  void describeSaysWhereWithTheFile() {
    Diagnostic d =
        new Diagnostic(
            Diagnostic.Severity.ERROR, "bad value", FILE, 12, "program:web", "startsecs", "x");
    assertEquals(
        "bad value (file: '/srv/site.conf', line 12, [program:web] startsecs)", d.describe());
  }

  @Test
  void aMessageThatNamesTheFileIsNotFollowedByItAgain() {
    // supervisord's wording for a bad value, as a SIGHUP's refusal logs it
    Diagnostic d =
        new Diagnostic(
            Diagnostic.Severity.ERROR,
            "not a valid boolean value: 'maybe' in section 'program:a' (file: '/srv/site.conf')",
            FILE,
            4,
            "program:a",
            "autostart",
            "maybe");
    assertEquals(
        "not a valid boolean value: 'maybe' in section 'program:a' (file: '/srv/site.conf')"
            + " (line 4, [program:a] autostart)",
        d.describe());
  }

  @Test
  void aMissingFileIsNamedOnce() {
    Diagnostic d =
        new Diagnostic(
            Diagnostic.Severity.ERROR,
            "could not find config file /srv/site.conf",
            FILE,
            0,
            null,
            null,
            null);
    assertEquals("could not find config file /srv/site.conf", d.describe());
  }
}
