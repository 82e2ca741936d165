package dev.tend.tui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeCatalogTest {

  @Test
  void everyShippedThemeIsInTheRepositoryFolderAndLoadsWithoutAWarning() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("themes"))) {
      List<String> onDisk =
          files.map(p -> p.getFileName().toString().replace(".theme", "")).sorted().toList();
      assertEquals(ThemeCatalog.BUILT_IN.stream().sorted().toList(), onDisk);
    }
    ThemeCatalog catalog = ThemeCatalog.load(null);
    for (String name : ThemeCatalog.BUILT_IN) {
      ThemeCatalog.Selection s = catalog.select(name, ColorDepth.TRUECOLOR);
      assertEquals(List.of(), s.warnings(), name);
      assertEquals(name, s.theme().name());
    }
  }

  @Test
  void everyShippedThemeSetsEveryRoleItself() throws IOException {
    for (String name : ThemeCatalog.BUILT_IN) {
      String text = Files.readString(Path.of("themes", name + ".theme"));
      for (Role r : Role.values()) {
        assertTrue(
            text.lines().anyMatch(l -> l.startsWith(r.key() + " ")),
            "themes/" + name + ".theme does not set " + r.key());
      }
    }
  }

  @Test
  void userThemesAddToAndReplaceTheShippedOnes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mine.theme"), "[palette]\nr = #ff0000\n[roles]\nscreen = r\n");
    Files.writeString(dir.resolve("light.theme"), "[palette]\n[roles]\nscreen = default\n");
    ThemeCatalog catalog = ThemeCatalog.load(dir);
    assertEquals("mine", catalog.names().get(catalog.names().size() - 1));
    assertEquals(
        Style.PLAIN, catalog.select("light", ColorDepth.TRUECOLOR).theme().style(Role.SCREEN));
    assertEquals(
        new TermColour.Rgb(255, 0, 0),
        catalog.select("mine", ColorDepth.TRUECOLOR).theme().style(Role.SCREEN).fg());
  }

  @Test
  void aBrokenOrUnknownThemeFallsBackToTheDefaultWithAWarning(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("broken.theme"), "this is not a theme\n");
    ThemeCatalog catalog = ThemeCatalog.load(dir);
    ThemeCatalog.Selection s = catalog.select("broken", ColorDepth.TRUECOLOR);
    assertEquals("default", s.theme().name());
    assertEquals(
        List.of(
            dir.resolve("broken.theme")
                + " line 1: expected 'key = value' in [palette] or [roles] ("
                + dir.resolve("broken.theme")
                + " is not used)",
            "theme 'broken' is broken; using the default"),
        s.warnings());
    ThemeCatalog.Selection u = catalog.select("nope", ColorDepth.TRUECOLOR);
    assertEquals("default", u.theme().name());
    assertTrue(u.warnings().get(0).startsWith("no theme named 'nope'; using the default"));
  }

  @Test
  void ctrlTCyclesThroughAllThemesAndWraps() {
    ThemeCatalog catalog = ThemeCatalog.load(null);
    String name = "default";
    for (int i = 0; i < ThemeCatalog.BUILT_IN.size() - 1; i++) {
      name = catalog.next(name);
      assertNotEquals("default", name);
    }
    assertEquals("default", catalog.next(name));
  }

  @Test
  void noColourMeansTheMonochromeThemeWithoutAnyColour() {
    ThemeCatalog catalog = ThemeCatalog.load(null);
    ColorDepth depth = ColorDepth.detect(Map.of("NO_COLOR", "1", "TERM", "xterm-256color"));
    Theme t = catalog.select("gruvbox", depth).theme();
    assertEquals("monochrome", t.name());
    for (Role r : Role.values()) {
      assertEquals(TermColour.DEFAULT, t.style(r).fg(), r.key());
      assertEquals(TermColour.DEFAULT, t.style(r).bg(), r.key());
    }
    assertTrue(t.style(Role.TABLE_SELECTED).reverse());
  }

  @Test
  void coloursAreMappedDownToTheTerminal() {
    ThemeCatalog catalog = ThemeCatalog.load(null);
    Theme t16 = catalog.select("default", ColorDepth.ANSI16).theme();
    Theme t256 = catalog.select("default", ColorDepth.ANSI256).theme();
    for (Role r : Role.values()) {
      assertTrue(
          t16.style(r).fg() instanceof TermColour.Ansi || t16.style(r).fg() == TermColour.DEFAULT);
      assertTrue(!(t256.style(r).fg() instanceof TermColour.Rgb), r.key());
    }
    assertEquals(new TermColour.Ansi(9), t16.style(Role.STATE_FATAL).fg());
  }
}
