package dev.tend.tui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The themes there are: the ones shipped in the repository's {@code themes/} folder (bundled into
 * the jar) and {@code *.theme} files in the user's folder (a user theme of the same name replaces a
 * shipped one). All are read once, when the catalog is made, so switching themes does no I/O.
 */
public final class ThemeCatalog {
  /** The shipped themes, in Ctrl-T order; each is {@code themes/<name>.theme}. */
  public static final List<String> BUILT_IN =
      List.of("default", "light", "high-contrast", "monochrome", "gruvbox", "solarized-dark");

  public static final String DEFAULT = "default";

  /** Used whenever the terminal shows no colour, whatever theme was chosen. */
  public static final String MONOCHROME = "monochrome";

  private static final String RESOURCE_DIR = "/dev/tend/tui/theme/builtin/";
  private static final String SUFFIX = ".theme";

  private final Map<String, ThemeFile.Result> themes;
  private final List<String> loadWarnings;

  /** What a choice of theme gave: the theme to draw with and what went wrong on the way. */
  public record Selection(Theme theme, List<String> warnings) {
    public Selection {
      warnings = List.copyOf(warnings);
    }
  }

  private ThemeCatalog(Map<String, ThemeFile.Result> themes, List<String> loadWarnings) {
    this.themes = themes;
    this.loadWarnings = List.copyOf(loadWarnings);
  }

  /** Reads the shipped themes and those in {@code userDir} (may be null or missing). */
  public static ThemeCatalog load(@Nullable Path userDir) {
    Map<String, ThemeFile.Result> themes = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (String name : BUILT_IN) {
      themes.put(name, builtIn(name));
    }
    if (userDir != null && Files.isDirectory(userDir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(userDir, "*" + SUFFIX)) {
        List<Path> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(null);
        for (Path f : sorted) {
          String file = f.getFileName().toString();
          String name = file.substring(0, file.length() - SUFFIX.length());
          themes.put(name, read(name, f));
        }
      } catch (IOException | RuntimeException e) {
        warnings.add(userDir + ": cannot list themes (" + e.getMessage() + ")");
      }
    }
    return new ThemeCatalog(themes, warnings);
  }

  /** Theme names in Ctrl-T order: shipped ones first, then the user's. */
  public List<String> names() {
    return List.copyOf(themes.keySet());
  }

  public boolean has(String name) {
    return themes.containsKey(name);
  }

  /** The name after {@code current} in {@link #names}, wrapping around. */
  public String next(String current) {
    List<String> names = names();
    int i = names.indexOf(current);
    return names.get((i + 1) % names.size());
  }

  /**
   * The theme to draw with for a name and a terminal: the named theme, or the default with a
   * warning when it is unknown or broken; the monochrome theme when the terminal has no colour;
   * colours mapped down to the terminal's depth.
   */
  public Selection select(String name, ColorDepth depth) {
    List<String> warnings = new ArrayList<>(loadWarnings);
    String wanted = depth == ColorDepth.NONE ? MONOCHROME : name;
    ThemeFile.Result r = themes.get(wanted);
    if (r == null) {
      warnings.add("no theme named '" + wanted + "'; using the default (themes: " + names() + ")");
      r = Objects.requireNonNull(themes.get(DEFAULT), "the default theme is bundled");
    }
    warnings.addAll(r.warnings());
    Theme theme = r.theme();
    if (theme == null) {
      warnings.add("theme '" + wanted + "' is broken; using the default");
      Theme d = Objects.requireNonNull(themes.get(DEFAULT), "the default theme is bundled").theme();
      theme = d != null ? d : Theme.fallback();
    }
    return new Selection(theme.reducedTo(depth), warnings);
  }

  private static ThemeFile.Result builtIn(String name) {
    String resource = RESOURCE_DIR + name + SUFFIX;
    try (InputStream in = ThemeCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new ThemeFile.Result(
            null, List.of("shipped theme missing: themes/" + name + SUFFIX));
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ThemeFile.parse(name, text, "themes/" + name + SUFFIX);
    } catch (IOException e) {
      return new ThemeFile.Result(
          null,
          List.of("cannot read shipped theme themes/" + name + SUFFIX + ": " + e.getMessage()));
    }
  }

  private static ThemeFile.Result read(String name, Path file) {
    try {
      return ThemeFile.parse(name, Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException | RuntimeException e) {
      return new ThemeFile.Result(null, List.of(file + ": cannot read (" + e.getMessage() + ")"));
    }
  }
}
