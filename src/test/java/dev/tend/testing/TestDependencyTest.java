package dev.tend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDependencyTest {
  @TempDir Path dir;

  @Test
  void theProjectsListNamesWhatTheTestsRequire() {
    Map<String, TestDependency.Entry> table = TestDependency.read(TestDependency.LIST);
    for (String name : List.of("supervisor", "tmux", "python3", "ssh", "chromium", "release")) {
      TestDependency.Entry e = table.get(name);
      assertTrue(e != null && !e.packages().isEmpty() && !e.files().isEmpty(), name + ": " + e);
    }
    assertEquals(
        List.of("supervisor"), table.get("supervisor").packages(), "the Debian package's name");
  }

  @Test
  void aLineIsFourColumnsAndMissingFilesAreFound() throws Exception {
    Path list = dir.resolve("deps");
    Path there = Files.createFile(dir.resolve("there"));
    Files.writeString(
        list,
        "# comment\n\nthing | pkg-a pkg-b | " + there + " " + dir.resolve("absent") + " | why\n");
    TestDependency.Entry e = TestDependency.read(list).get("thing");
    assertEquals(List.of("pkg-a", "pkg-b"), e.packages());
    assertEquals(List.of(dir.resolve("absent")), TestDependency.missing(e));
    Files.writeString(list, "broken | line\n");
    assertThrows(IllegalStateException.class, () -> TestDependency.read(list));
  }

  @Test
  void skipNamesAreCommaSeparated() {
    assertEquals(Set.of("supervisor", "ssh"), TestDependency.skipped(" supervisor, ssh "));
    assertEquals(Set.of(), TestDependency.skipped(null));
  }

  @Test
  void aMissingPeerFailsWithOneLineUnlessItsTestsAreSkippedByName() {
    TestDependency.Entry absent =
        new TestDependency.Entry(
            "peer", List.of("peer-pkg"), List.of(dir.resolve("no-such-file")), "tests");
    org.opentest4j.AssertionFailedError failed =
        assertThrows(
            org.opentest4j.AssertionFailedError.class, () -> TestDependency.require(absent, ""));
    assertEquals(
        "peer is not installed (no "
            + dir.resolve("no-such-file")
            + "): apt-get install peer-pkg, or skip these tests with bin/test --skip peer",
        failed.getMessage());
    org.opentest4j.TestAbortedException skipped =
        assertThrows(
            org.opentest4j.TestAbortedException.class,
            () -> TestDependency.require(absent, "other,peer"));
    assertTrue(skipped.getMessage().contains("skipped (--skip peer)"), skipped.getMessage());
  }

  @Test
  void anUnknownNameIsAMistakeInTheTest() {
    assertThrows(IllegalArgumentException.class, () -> TestDependency.require("no-such-thing"));
  }
}
