package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small reader on {@code tend ctl}'s start-up path. */
class CtlConfigReaderTest {
  @TempDir Path dir;

  private CtlFileConfig read(String text) throws ConfigException {
    Path file = new ConfigFiles(dir).write("s.conf", text);
    return CtlConfigReader.read(file, Map.of("HOME", "/home/t", "SOCK", "x.sock"), dir);
  }

  @Test
  void readsTheCtlSectionAndTheServers() throws Exception {
    CtlFileConfig c =
        read(
            "[supervisorctl]\nserverurl=unix://%(here)s/%(ENV_SOCK)s\nprompt=p\n"
                + "[unix_http_server]\nfile=%(here)s/x.sock\nchown=whoever\nusername=u\npassword=p\n"
                + "[inet_http_server]\nport=9001\n"
                + "[program:ignored]\nautostart=maybe\n[include]\nfiles=/nowhere/*.conf\n");
    assertEquals("unix://" + dir.resolve("x.sock"), c.ctl().serverurl());
    assertEquals("p", c.ctl().prompt());
    assertEquals(
        List.of(
            new UnixHttpServerConfig(
                "unix_http_server",
                dir.resolve("x.sock"),
                0700,
                null,
                null,
                new HttpAuth("u", "p"))),
        c.unixHttpServers());
    assertEquals(9001, c.inetHttpServers().get(0).port());
    assertEquals(List.of(), c.problems());
  }

  @Test
  void missingCtlSectionIsSupervisorctlsErrorOnlyWhenAskedFor() throws Exception {
    CtlFileConfig c = read("[unix_http_server]\nfile=/tmp/s.sock\n");
    assertNull(c.ctl());
    assertEquals(
        ".ini file does not include supervisorctl section",
        assertThrows(ConfigException.class, c::requireCtl).getMessage());
  }

  @Test
  void serverProblemsDoNotStopTheCtl() throws Exception {
    CtlFileConfig c = read("[supervisorctl]\n[inet_http_server]\nport=nope\n");
    assertEquals(CtlConfig.defaults(), c.ctl());
    assertEquals("not a valid port number: 'nope' ", c.problems().get(0).message());
  }

  @Test
  void ctlExpansionErrorsAndMissingFilesAreErrors() {
    assertEquals(
        "could not find config file " + dir.resolve("none.conf"),
        assertThrows(
                ConfigException.class,
                () -> CtlConfigReader.read(dir.resolve("none.conf"), Map.of(), dir))
            .getMessage());
    assertEquals(
        "Format string '%(nope)s' for 'supervisorctl.serverurl' contains names ('nope') which"
            + " cannot be expanded. Available names: ENV_HOME, ENV_SOCK, here",
        assertThrows(ConfigException.class, () -> read("[supervisorctl]\nserverurl=%(nope)s\n"))
            .getMessage());
  }
}
