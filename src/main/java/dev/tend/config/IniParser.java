package dev.tend.config;

import dev.tend.api.PythonText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one file into an {@link IniDocument} with the line rules of Python 3's RawConfigParser as
 * supervisord configures it (UnhosedConfigParser): {@code ;} and {@code #} start a comment at the
 * start of a line or after whitespace, a line indented deeper than its key continues the value,
 * blank lines inside a value are kept (trailing ones dropped), keys are lower-cased, the first
 * {@code =} or {@code :} separates, no interpolation, and duplicates are allowed. A bad line is an
 * error with Python's wording; reading goes on so that every bad line is reported.
 */
final class IniParser {
  private final IniDocument doc;
  private final Path file;
  private final Diagnostics diagnostics;
  // Values being read, joined when the file ends (Python joins after the whole file is read).
  private final Map<IniDocument.Section, Map<String, Pending>> pending = new LinkedHashMap<>();
  private IniDocument.@Nullable Section current; // the section lines go to; null before a header
  private @Nullable Pending option; // the option continuation lines extend; null after a header
  private int indentLevel; // indentation of the last header or option line
  private boolean reportedMissingHeader; // Python stops at the first; tend reports it once

  private record Pending(String key, int line, List<String> lines) {}

  private IniParser(IniDocument doc, Path file, Diagnostics diagnostics) {
    this.doc = doc;
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /**
   * Adds the file's sections and keys to doc.
   *
   * @param file the path as it should appear in messages
   */
  static void read(IniDocument doc, Path file, String text, Diagnostics diagnostics) {
    IniParser parser = new IniParser(doc, file, diagnostics);
    List<String> lines = splitLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
    for (int i = 0; i < lines.size(); i++) {
      parser.line(i + 1, lines.get(i));
    }
    parser.finish();
  }

  private void line(int lineno, String line) {
    int commentStart = commentStart(line);
    String value = PythonText.strip(commentStart < 0 ? line : line.substring(0, commentStart));
    if (value.isEmpty()) {
      if (commentStart < 0 && current != null && option != null) {
        option.lines().add("");
      }
      return;
    }
    int indent = 0;
    while (indent < line.length() && PythonText.isSpace(line.charAt(indent))) {
      indent++;
    }
    if (current != null && option != null && indent > indentLevel) {
      option.lines().add(value);
      return;
    }
    indentLevel = indent;
    String header = sectionHeader(value);
    if (header != null) {
      current = doc.open(header, file, lineno);
      option = null;
    } else if (current == null) {
      if (!reportedMissingHeader) {
        reportedMissingHeader = true;
        diagnostics.error(
            "File contains no section headers.\nfile: "
                + PythonText.repr(file.toString())
                + ", line: "
                + lineno
                + "\n"
                + PythonText.repr(line),
            file,
            lineno,
            null,
            null,
            null);
      }
    } else {
      optionLine(lineno, line, value);
    }
  }

  private void optionLine(int lineno, String line, String value) {
    int sep = -1;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '=' || value.charAt(i) == ':') {
        sep = i;
        break;
      }
    }
    if (sep < 0) {
      badLine(lineno, line);
      return;
    }
    String key = PythonText.rstrip(value.substring(0, sep));
    if (key.isEmpty()) {
      badLine(lineno, line); // Python records the error and still stores the empty key
    }
    key = key.toLowerCase(Locale.ROOT);
    option = new Pending(key, lineno, new ArrayList<>());
    option.lines().add(PythonText.strip(value.substring(sep + 1)));
    Map<String, Pending> options = pending.get(current);
    if (options == null) {
      options = new LinkedHashMap<>();
      pending.put(current, options);
    }
    options.put(key, option);
  }

  private void badLine(int lineno, String line) {
    diagnostics.error(
        "Source contains parsing errors: "
            + PythonText.repr(file.toString())
            + "\n\t[line "
            + (lineno < 10 ? " " : "")
            + lineno
            + "]: "
            + PythonText.repr(line),
        file,
        lineno,
        current == null ? null : current.name,
        null,
        null);
  }

  private void finish() {
    for (Map.Entry<IniDocument.Section, Map<String, Pending>> section : pending.entrySet()) {
      for (Pending p : section.getValue().values()) {
        String value = PythonText.rstrip(String.join("\n", p.lines()));
        doc.put(section.getKey(), new IniDocument.Entry(p.key(), value, file, p.line()));
      }
    }
  }

  /**
   * Where an inline comment starts, or -1. Python advances every prefix to its next occurrence in
   * rounds and stops after the first round that finds one at the start or after whitespace, so a
   * later qualifying {@code #} can win over an earlier qualifying {@code ;}; kept as is.
   */
  static int commentStart(String line) {
    if (PythonText.strip(line).startsWith(";") || PythonText.strip(line).startsWith("#")) {
      return 0;
    }
    int semi = -1;
    int hash = -1;
    boolean semiLive = true;
    boolean hashLive = true;
    while (semiLive || hashLive) {
      int found = Integer.MAX_VALUE;
      if (semiLive) {
        semi = line.indexOf(';', semi + 1);
        semiLive = semi >= 0;
        if (semiLive && startsComment(line, semi)) {
          found = semi;
        }
      }
      if (hashLive) {
        hash = line.indexOf('#', hash + 1);
        hashLive = hash >= 0;
        if (hashLive && startsComment(line, hash)) {
          found = Math.min(found, hash);
        }
      }
      if (found != Integer.MAX_VALUE) {
        return found;
      }
    }
    return -1;
  }

  private static boolean startsComment(String line, int index) {
    return index == 0 || PythonText.isSpace(line.charAt(index - 1));
  }

  /** Python's {@code \[(?P<header>.+)\]} matched at the start: up to the LAST {@code ]}. */
  private static @Nullable String sectionHeader(String value) {
    if (!value.startsWith("[")) {
      return null;
    }
    int close = value.lastIndexOf(']');
    return close > 1 ? value.substring(1, close) : null;
  }

  /** Universal newlines, as Python's text mode reads: each line keeps a {@code \n} terminator. */
  private static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i) + "\n");
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
