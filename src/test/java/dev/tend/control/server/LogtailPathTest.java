package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tend.api.LogStream;
import org.junit.jupiter.api.Test;

/** Which log a /logtail path names, as supervisord's logtail_handler splits it. */
class LogtailPathTest {
  @Test
  void namesAProcessAndAStreamDefaultingToStdout() {
    assertEquals(
        new LogtailStream.Target("web", LogStream.STDOUT), LogtailStream.parse("/logtail/web"));
    assertEquals(
        new LogtailStream.Target("g:a", LogStream.STDERR),
        LogtailStream.parse("/logtail/g:a/stderr"));
    assertEquals(
        new LogtailStream.Target("web", LogStream.STDOUT),
        LogtailStream.parse("//logtail/web/stdout"));
  }

  @Test
  void anythingElseNamesNothing() {
    assertNull(LogtailStream.parse("/logtail"));
    assertNull(LogtailStream.parse("/logtail/"));
    assertNull(LogtailStream.parse("/logtailx/web"));
    assertNull(LogtailStream.parse("/logtail/web/stdin"));
    assertNull(LogtailStream.parse("/logtail/web/stdout/more"));
  }
}
