package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad value of tend's keys, a bad dependency graph included, is an error that says
 * the file, the line, the section, the key and the value as written.
 */
class TendKeyErrorsTest {
  private static final String P = "[program:p]\ncommand=/bin/cat\n"; // lines 2 and 3

  @TempDir Path dir;

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad(P + "ready_tcp=nope", "program:p", "ready_tcp", "nope", 4),
        bad(P + "ready_tcp=1\nready_timeout=0", "program:p", "ready_timeout", "0", 5),
        bad(P + "ready_tcp=1\nready_interval=soon", "program:p", "ready_interval", "soon", 5),
        bad(P + "ready_http=ftp://x/", "program:p", "ready_http", "ftp://x/", 4),
        bad(P + "ready_command=a 'b", "program:p", "ready_command", "a 'b", 4),
        bad(P + "ready_log=(open", "program:p", "ready_log", "(open", 4),
        bad(P + "ready_tcp=1\nready_log=x", "program:p", "ready_log", "x", 5),
        bad(P + "health_http=https://x/", "program:p", "health_http", "https://x/", 4),
        bad(P + "health_tcp=1\nhealth_interval=0", "program:p", "health_interval", "0", 5),
        bad(P + "health_tcp=1\nhealth_timeout=x", "program:p", "health_timeout", "x", 5),
        bad(P + "health_tcp=1\nhealth_retries=0", "program:p", "health_retries", "0", 5),
        bad(P + "health_tcp=1\nhealth_action=reboot", "program:p", "health_action", "reboot", 5),
        bad(
            P + "health_tcp=1\nhealth_action=signal:NO",
            "program:p",
            "health_action",
            "signal:NO",
            5),
        bad(P + "backoff=fast", "program:p", "backoff", "fast", 4),
        bad(P + "backoff_initial=0", "program:p", "backoff_initial", "0", 4),
        bad(P + "backoff_initial=10\nbackoff_max=5", "program:p", "backoff_max", "5", 5),
        bad(P + "backoff_reset_after=-1", "program:p", "backoff_reset_after", "-1", 4),
        bad(P + "depends_on=nosuch", "program:p", "depends_on", "nosuch", 4),
        bad(P + "depends_on=p", "program:p", "depends_on", "p", 4),
        bad(P + "depends_on=nosuch:*", "program:p", "depends_on", "nosuch:*", 4),
        bad(
            P + "depends_on=q\n[program:q]\ncommand=/bin/cat\ndepends_on=p",
            "program:p",
            "depends_on",
            "q",
            4),
        bad(
            "[eventlistener:l]\ncommand=/bin/cat\nevents=EVENT\ntend_events=TEND_NOPE",
            "eventlistener:l",
            "tend_events",
            "TEND_NOPE",
            5));
  }

  private static Arguments bad(String text, String section, String key, String value, int line) {
    return Arguments.of(text, section, key, value, line);
  }

  @ParameterizedTest(name = "{2} = {3}")
  @MethodSource("badConfigs")
  void anErrorNamesFileLineSectionKeyAndValue(
      String text, String section, String key, String value, int line) {
    ConfigFiles files = new ConfigFiles(dir);
    ConfigException e = assertThrows(ConfigException.class, () -> files.load(text));
    Diagnostic d = e.errors().get(0);
    Path file = dir.resolve("supervisord.conf");
    assertEquals(file, d.file(), d.toString());
    assertEquals(line, d.line(), d.toString());
    assertEquals(section, d.section(), d.toString());
    assertEquals(key, d.key(), d.toString());
    assertEquals(value, d.value(), d.toString());
    assertTrue(
        d.message().contains(section), d.message()); // the "at FILE line N" line has the rest
  }
}
