package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void versionSaysTheVersionTheCommitAndTheRuntime() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int status = Main.run(new String[] {"--version"}, new PrintStream(out, true), err);
    assertEquals(0, status);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
    assertTrue(
        lines[0].matches(
            "tend \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}(-dirty)?|unknown)\\)"),
        lines[0]);
    assertTrue(lines[0].startsWith("tend " + Version.get() + " (commit " + Version.commit()));
    assertEquals(
        "runtime: Java "
            + System.getProperty("java.runtime.version")
            + ", "
            + System.getProperty("java.vm.name")
            + " ("
            + System.getProperty("java.vendor")
            + ") in "
            + System.getProperty("java.home"),
        lines[1]);
  }
}
