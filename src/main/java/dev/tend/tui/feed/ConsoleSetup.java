package dev.tend.tui.feed;

import dev.tend.tui.keymap.Keymap;
import dev.tend.tui.keymap.KeymapFile;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.SavedLayout;
import dev.tend.tui.theme.ColorDepth;
import dev.tend.tui.theme.ThemeCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads what the console needs from files before it starts drawing (keys.conf, the themes, the
 * saved theme choice) and builds the model. All the file I/O of a console's start is here, done
 * once, before the UI thread's loop begins.
 */
public final class ConsoleSetup {
  private ConsoleSetup() {}

  /**
   * The model of a console on several servers: {@code servers} is name to URL, in the order the
   * console lists them (empty: the one server).
   */
  public static ConsoleModel load(ConsoleOptions options, Map<String, String> servers) {
    ConsoleModel model = load(options);
    model.declareServers(servers);
    return model;
  }

  /** The model for these options; problems with the user's files become startup warnings. */
  public static ConsoleModel load(ConsoleOptions options) {
    List<String> warnings = new ArrayList<>();
    Keymap keymap = Keymap.defaults();
    Path keys = options.keysFile();
    if (keys != null) {
      KeymapFile.Result r = KeymapFile.load(keys);
      keymap = r.keymap();
      warnings.addAll(r.warnings());
    }
    if (options.readOnly()) {
      keymap = keymap.readOnly();
    }
    ThemeCatalog catalog = ThemeCatalog.load(options.userThemes());
    ColorDepth depth = ColorDepth.detect(options.env());
    Path prefs = options.preferencesFile();
    String name =
        prefs == null
            ? ThemeCatalog.DEFAULT
            : ConsolePreferences.theme(prefs).orElse(ThemeCatalog.DEFAULT);
    ThemeCatalog.Selection s = catalog.select(name, depth);
    warnings.addAll(s.warnings());
    if (!catalog.has(name)) {
      name = ThemeCatalog.DEFAULT;
    }
    SavedLayout saved = savedLayout(options.layoutFile(), warnings);
    return new ConsoleModel(options, keymap, catalog, depth, name, s.theme(), warnings, saved);
  }

  /** The layout kept for this target, or null (none yet, or unusable: then a warning). */
  private static @Nullable SavedLayout savedLayout(@Nullable Path file, List<String> warnings) {
    if (file == null || !Files.exists(file)) {
      return null;
    }
    try {
      return SavedLayout.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      warnings.add("ignoring the saved pane layout " + file + ": " + e.getMessage());
      return null;
    }
  }
}
