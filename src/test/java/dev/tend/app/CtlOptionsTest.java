package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtlOptionsTest {
  private final List<String> asked = new ArrayList<>();

  private CtlOptions parse(String... argv) throws CtlOptions.UsageException {
    return CtlOptions.parse(
        List.of(argv),
        (file, name) -> {
          asked.add(file + " " + name);
          return name.startsWith("web");
        });
  }

  @Test
  void serversMayBeGivenManyTimesAsUrlsOrNames() throws Exception {
    CtlOptions o =
        parse("-s", "ssh://a/x.sock", "-s", "web1", "--servers", "s.conf", "-g", "db", "status");
    assertEquals(List.of("ssh://a/x.sock", "web1"), o.servers());
    assertEquals(List.of("db"), o.many().groups());
    assertEquals("s.conf", o.many().serversFile());
    assertEquals(List.of("s.conf web1"), asked, "the servers file wherever it stands");
    assertNull(o.serverurl(), "not the one URL supervisorctl takes");
    assertEquals(List.of("status"), o.args());
  }

  @Test
  void aValueThatIsNeitherAUrlNorANameIsSupervisorctlsError() {
    CtlOptions.UsageException e =
        assertThrows(CtlOptions.UsageException.class, () -> parse("-s", "foo", "status"));
    assertEquals("invalid value for -s 'foo': value 'foo' is not a URL", e.getMessage());
  }

  @Test
  void tendsLongOptionsMatchOnlyInFullSoPrefixesKeepSupervisorctlsMeaning() throws Exception {
    assertEquals(List.of("http://x:1"), parse("--ser=http://x:1", "status").servers());
    assertEquals(List.of("http://x:1"), parse("--server", "http://x:1", "status").servers());
    CtlOptions o = parse("--serial", "--stop-on-error", "--group", "web", "status");
    assertTrue(o.many().serial());
    assertTrue(o.many().stopOnError());
    assertEquals(List.of("web"), o.many().groups());
    CtlOptions.UsageException e =
        assertThrows(CtlOptions.UsageException.class, () -> parse("--seria", "status"));
    assertEquals("option --seria not recognized", e.getMessage());
  }

  @Test
  void oneUrlIsSupervisorctlsServerurl() throws Exception {
    CtlOptions o = parse("-s", "unix:///x.sock", "status");
    assertEquals("unix:///x.sock", o.serverurl());
    assertFalse(o.many().serial());
  }
}
