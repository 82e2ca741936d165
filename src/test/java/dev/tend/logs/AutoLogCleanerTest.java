package dev.tend.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoLogCleanerTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} is an AUTO log of 'supervisor': {1}")
  @CsvSource({
    "web-stdout---supervisor-ab12cd_x.log, true",
    "web-stderr---supervisor-ab12cd_x.log.1, true", // rotated copies
    "web-stdout---supervisor-ab12cd_x.log.10, true",
    "web:1-stdout---supervisor-x.log, true",
    "a---supervisor-x.log.bak, true", // only the start has to match, as Python's re.match
    "web-stdout---supervisor-staging-x.log, true", // supervisord's quirk: identifier
    // 'supervisor-staging' is caught too
    "web-stdout---supervisor2-ab12cd_x.log, false", // another daemon's identifier
    "web-stdout---other-ab12cd_x.log, false",
    "web-stdout---supervisor-ab12cd_x.txt, false",
    "---supervisor-x.log, false", // .+? needs a name before the dashes
    "supervisord.log, false",
    "web.log, false",
  })
  void recognisesSupervisordsAutoNames(String name, boolean auto) {
    assertEquals(auto, AutoLogCleaner.isAutoLog(name, "supervisor"));
  }

  @Test
  void anIdentifierIsMatchedLiterally() {
    assertTrue(AutoLogCleaner.isAutoLog("w-stdout---a.b-x.log", "a.b"));
    assertFalse(AutoLogCleaner.isAutoLog("w-stdout---aXb-x.log", "a.b"), "'.' is no wildcard");
  }

  @Test
  void deletesTheAutoLogsOfItsIdentifierOnly() throws IOException {
    List<String> mine =
        List.of(
            "web-stdout---supervisor-aaaaaaaa.log",
            "web-stdout---supervisor-aaaaaaaa.log.1",
            "web-stderr---supervisor-bbbbbbbb.log");
    List<String> others =
        List.of("web-stdout---staging-cccccccc.log", "supervisord.log", "web.log", "notes.txt");
    for (String n : Stream.concat(mine.stream(), others.stream()).toList()) {
      Files.writeString(dir.resolve(n), n);
    }
    Set<String> deleted =
        AutoLogCleaner.clean(dir, "supervisor").stream()
            .map(p -> p.getFileName().toString())
            .collect(Collectors.toSet());
    assertEquals(Set.copyOf(mine), deleted);
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(
          Set.copyOf(others),
          left.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    }
  }

  @Test
  void aDirectoryWithAnAutoNameIsLeftAlone() throws IOException {
    Files.createDirectory(dir.resolve("x-stdout---supervisor-dir.log"));
    assertEquals(List.of(), AutoLogCleaner.clean(dir, "supervisor"));
    assertTrue(Files.isDirectory(dir.resolve("x-stdout---supervisor-dir.log")));
  }

  @Test
  void aMissingDirectoryDeletesNothing() {
    assertEquals(List.of(), AutoLogCleaner.clean(dir.resolve("missing"), "supervisor"));
  }

  @Test
  void cleansWhatProcessLogsCreated() throws IOException {
    for (int i = 0; i < 3; i++) {
      AutoLogName.create(dir, "web", dev.tend.api.LogStream.STDOUT, "supervisor");
    }
    Files.writeString(dir.resolve("keep.log"), "");
    assertEquals(3, AutoLogCleaner.clean(dir, "supervisor").size());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("keep.log")), left.toList());
    }
  }
}
