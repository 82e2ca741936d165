package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default config search order (spec §1.1). */
class ConfigLocatorTest {
  private static final Path CWD = Path.of("/work");

  private static ConfigLocator locator(Path bin, String... existing) {
    Set<Path> files = new java.util.HashSet<>();
    for (String e : existing) {
      files.add(Path.of(e));
    }
    return new ConfigLocator(bin, CWD, files::contains);
  }

  @Test
  void searchOrder() {
    assertEquals(
        List.of(
            "/opt/tend/etc/supervisord.conf",
            "/opt/tend/supervisord.conf",
            "supervisord.conf",
            "etc/supervisord.conf",
            "/etc/supervisord.conf",
            "/etc/supervisor/supervisord.conf",
            "/etc/tend/tend.conf"),
        locator(Path.of("/opt/tend/bin")).searchPaths());
  }

  @Test
  void firstExistingWins() {
    Path bin = Path.of("/opt/tend/bin");
    assertEquals(
        Optional.of(Path.of("/opt/tend/etc/supervisord.conf")),
        locator(bin, "/opt/tend/etc/supervisord.conf", "/etc/supervisord.conf").find());
    assertEquals(
        Optional.of(Path.of("supervisord.conf")),
        locator(bin, "/work/supervisord.conf", "/work/etc/supervisord.conf").find());
    assertEquals(
        Optional.of(Path.of("etc/supervisord.conf")),
        locator(bin, "/work/etc/supervisord.conf", "/etc/supervisord.conf").find());
    assertEquals(
        Optional.of(Path.of("/etc/supervisor/supervisord.conf")),
        locator(bin, "/etc/supervisor/supervisord.conf").find());
    assertEquals(
        Optional.of(Path.of("/etc/tend/tend.conf")), locator(bin, "/etc/tend/tend.conf").find());
    assertEquals(
        Optional.of(Path.of("/etc/supervisor/supervisord.conf")),
        locator(bin, "/etc/tend/tend.conf", "/etc/supervisor/supervisord.conf").find(),
        "with both packages, what supervisorctl would find");
    assertEquals(Optional.empty(), locator(bin).find());
  }

  @Test
  void unknownExecutableMakesTheFirstPathsRelativeLikeABareArgv0() {
    assertEquals(
        List.of("etc/supervisord.conf", "supervisord.conf"),
        locator(null).searchPaths().subList(0, 2));
  }

  @Test
  void notFoundMessage() {
    assertEquals(
        "No config file found at default paths (/opt/tend/etc/supervisord.conf,"
            + " /opt/tend/supervisord.conf, supervisord.conf, etc/supervisord.conf,"
            + " /etc/supervisord.conf, /etc/supervisor/supervisord.conf, /etc/tend/tend.conf); use"
            + " the -c option to"
            + " specify a config file at a different path",
        locator(Path.of("/opt/tend/bin")).notFoundMessage());
  }
}
