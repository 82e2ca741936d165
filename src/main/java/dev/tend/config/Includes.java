package dev.tend.config;

import dev.tend.api.PythonText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code [include]} section of the main file (spec §1.14): {@code files=} is split on
 * whitespace, each pattern is resolved against the main file's directory and globbed, and the
 * matches are read in sorted order. Includes inside included files are ignored, as supervisord
 * ignores them. With an {@code [include]}, {@code %(here)s} becomes the directory of the file that
 * wrote it.
 */
final class Includes {
  private final IniDocument doc;
  private final Diagnostics diagnostics;
  private final ConfigContext context;
  private final String here;

  Includes(IniDocument doc, Diagnostics diagnostics, ConfigContext context, String here) {
    this.doc = doc;
    this.diagnostics = diagnostics;
    this.context = context;
    this.here = here;
  }

  /** Reads every included file into the document; returns them in the order read. */
  List<Path> read(Map<String, Object> envNames) {
    List<Path> included = new ArrayList<>();
    if (!doc.hasSection("include")) {
      return included;
    }
    doc.replaceHere(here);
    IniDocument.Entry files = doc.get("include", "files");
    if (files == null) {
      IniDocument.Section s = doc.existingSection("include");
      diagnostics.error(
          ".ini file has [include] section, but no files setting",
          s.file,
          s.line,
          "include",
          null,
          null);
      return included;
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("here", here);
    names.put("host_node_name", context.hostNodeName());
    names.putAll(envNames);
    String expanded;
    try {
      expanded = PercentFormat.expand(files.value(), names, "include.files");
    } catch (InvalidValueException e) {
      diagnostics.error(
          e.getMessage(), files.file(), files.line(), "include", "files", files.value());
      return included;
    }
    for (String pattern : PythonText.split(expanded)) {
      String full = pattern.startsWith("/") ? pattern : here + "/" + pattern;
      List<String> matches = new ArrayList<>(IncludeGlob.glob(full));
      if (matches.isEmpty()) {
        diagnostics.warning(
            "No file matches via include \"" + full + "\"",
            files.file(),
            files.line(),
            "include",
            "files",
            files.value());
        continue;
      }
      matches.sort(null);
      for (String match : matches) {
        diagnostics.info("Included extra file \"" + match + "\" during parsing", Path.of(match));
        readOne(Path.of(match), files);
        included.add(Path.of(match));
      }
    }
    return included;
  }

  private void readOne(Path file, IniDocument.Entry from) {
    String text = ConfigLoader.readText(file);
    if (text == null) {
      // supervisord skips files it cannot open without a word; tend says so
      diagnostics.warning(
          "could not read included file " + file,
          from.file(),
          from.line(),
          "include",
          "files",
          from.value());
      return;
    }
    IniParser.read(doc, file, text, diagnostics);
    Path parent = file.toAbsolutePath().getParent();
    doc.replaceHere(parent == null ? "/" : parent.toString());
  }
}
