package dev.tend.tui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeFileTest {
  private static final TermColour GREEN = new TermColour.Rgb(0x5f, 0xd7, 0x5f);
  private static final TermColour BLUE = new TermColour.Rgb(0, 0, 0xff);

  @Test
  void rolesTakeColoursFromThePaletteAndAttributes() {
    ThemeFile.Result r =
        ThemeFile.parse(
            "t",
            """
            # a comment
            [palette]
            green = #5fd75f   # inline comment
            blue  = #0000ff
            [roles]
            table.row = green
            table.selected = default on blue bold
            """,
            "t.theme");
    assertEquals(List.of(), r.warnings());
    Theme t = r.theme();
    assertNotNull(t);
    assertEquals(
        new Style(GREEN, TermColour.DEFAULT, false, false, false, false), t.style(Role.TABLE_ROW));
    assertEquals(
        new Style(TermColour.DEFAULT, BLUE, true, false, false, false),
        t.style(Role.TABLE_SELECTED));
  }

  @Test
  void aMissingRoleLooksLikeItsParentAndAPartialRoleTakesTheRestFromIt() {
    Theme t =
        ThemeFile.parse(
                "t",
                "[palette]\ng = #5fd75f\nb = #0000ff\n[roles]\ntable.row = g on b bold\n"
                    + "state.fatal = default\n",
                "t.theme")
            .theme();
    assertNotNull(t);
    assertEquals(t.style(Role.TABLE_ROW), t.style(Role.STATE_RUNNING));
    assertEquals(
        new Style(TermColour.DEFAULT, BLUE, true, false, false, false), t.style(Role.STATE_FATAL));
    assertEquals(Style.PLAIN, t.style(Role.SCREEN));
  }

  @Test
  void unknownRolesAndColoursAreWarningsNamingFileLineAndKey() {
    ThemeFile.Result r =
        ThemeFile.parse(
            "t",
            "[palette]\nred = #ff000\n[roles]\ntable.headr = red\nstate.fatal = gren bold\n"
                + "state.running = on\n",
            "/home/me/.config/tend/themes/t.theme");
    String f = "/home/me/.config/tend/themes/t.theme";
    assertEquals(
        List.of(
            f + " line 2: red: not a colour: '#ff000'",
            f + " line 4: unknown role 'table.headr'",
            f + " line 5: state.fatal: unknown colour 'gren' (not in [palette])",
            f + " line 6: state.running: 'on' needs a background colour"),
        r.warnings());
    Theme t = r.theme();
    assertNotNull(t);
    assertTrue(t.style(Role.STATE_FATAL).bold());
  }

  @Test
  void aFileThatIsNotAThemeIsBroken() {
    ThemeFile.Result r = ThemeFile.parse("t", "hello world\n", "t.theme");
    assertNull(r.theme());
    assertEquals(
        List.of(
            "t.theme line 1: expected 'key = value' in [palette] or [roles] (t.theme is not used)"),
        r.warnings());
    assertNull(ThemeFile.parse("t", "[colours]\n", "t.theme").theme());
    assertNull(ThemeFile.parse("t", "[palette]\na = #000000\n", "t.theme").theme());
  }

  @Test
  void colourValues() {
    assertEquals(new TermColour.Ansi(9), ThemeFile.colourValue("bright-red").orElseThrow());
    assertEquals(new TermColour.Ansi(2), ThemeFile.colourValue("green").orElseThrow());
    assertEquals(new TermColour.Indexed(208), ThemeFile.colourValue("idx:208").orElseThrow());
    assertEquals(TermColour.DEFAULT, ThemeFile.colourValue("default").orElseThrow());
    assertTrue(ThemeFile.colourValue("idx:300").isEmpty());
    assertTrue(ThemeFile.colourValue("#12345g").isEmpty());
  }

  @Test
  void parentsComeBeforeTheirChildren() {
    for (Role r : Role.values()) {
      Role p = r.parent();
      assertTrue(p == null || p.ordinal() < r.ordinal(), r.key());
    }
  }
}
