package dev.tend.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code glob.glob} for {@code [include] files=} patterns: {@code *}, {@code ?} and {@code
 * [...]} (with {@code !} and ranges) in any path component; wildcards skip names starting with a
 * dot unless the pattern component does; {@code **} is just {@code *}; a pattern without wildcards
 * matches when the path exists. Results are not sorted here.
 */
final class IncludeGlob {
  private IncludeGlob() {}

  static List<String> glob(String pattern) {
    List<String> out = new ArrayList<>();
    if (!hasMagic(pattern)) {
      if (Files.exists(Path.of(pattern), LinkOption.NOFOLLOW_LINKS) || isDirPath(pattern)) {
        out.add(pattern);
      }
      return out;
    }
    int slash = pattern.lastIndexOf('/');
    String dir = slash < 0 ? "" : pattern.substring(0, slash + 1);
    String base = pattern.substring(slash + 1);
    String dirTrimmed = dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    List<String> dirs = hasMagic(dir) ? directories(glob(dirTrimmed)) : List.of(dirTrimmed);
    for (String d : dirs) {
      for (String name : hasMagic(base) ? matching(d, base) : literal(d, base)) {
        out.add(d.isEmpty() ? name : d.endsWith("/") ? d + name : d + "/" + name);
      }
    }
    return out;
  }

  private static boolean isDirPath(String p) {
    return p.endsWith("/") && Files.isDirectory(Path.of(p));
  }

  private static List<String> directories(List<String> paths) {
    return paths.stream().filter(p -> Files.isDirectory(Path.of(p))).toList();
  }

  private static List<String> literal(String dir, String name) {
    Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
    if (name.isEmpty() ? Files.isDirectory(p) : Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return List.of(name);
    }
    return List.of();
  }

  private static List<String> matching(String dir, String pattern) {
    List<String> names = new ArrayList<>();
    Path d = Path.of(dir.isEmpty() ? "." : dir);
    if (!Files.isDirectory(d)) {
      return names;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        if ((!name.startsWith(".") || pattern.startsWith(".")) && matches(pattern, 0, name, 0)) {
          names.add(name);
        }
      }
    } catch (IOException | SecurityException e) {
      return List.of(); // Python's glob ignores unreadable directories too
    }
    return names;
  }

  static boolean hasMagic(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** fnmatch on one name, case-sensitive as on POSIX. */
  static boolean matches(String pat, int p, String name, int n) {
    while (p < pat.length()) {
      char c = pat.charAt(p);
      if (c == '*') {
        while (p < pat.length() && pat.charAt(p) == '*') {
          p++;
        }
        for (int k = n; k <= name.length(); k++) {
          if (matches(pat, p, name, k)) {
            return true;
          }
        }
        return false;
      }
      if (n >= name.length()) {
        return false;
      }
      if (c == '?') {
        p++;
        n++;
      } else if (c == '[' && classEnd(pat, p) > 0) {
        int end = classEnd(pat, p);
        if (!inClass(pat.substring(p + 1, end), name.charAt(n))) {
          return false;
        }
        p = end + 1;
        n++;
      } else {
        if (c != name.charAt(n)) {
          return false;
        }
        p++;
        n++;
      }
    }
    return n == name.length();
  }

  /** Index of the {@code ]} closing the class opened at p, or -1 (then {@code [} is literal). */
  private static int classEnd(String pat, int p) {
    int j = p + 1;
    if (j < pat.length() && pat.charAt(j) == '!') {
      j++;
    }
    if (j < pat.length() && pat.charAt(j) == ']') {
      j++;
    }
    while (j < pat.length() && pat.charAt(j) != ']') {
      j++;
    }
    return j < pat.length() ? j : -1;
  }

  private static boolean inClass(String body, char c) {
    boolean negate = body.startsWith("!");
    String set = negate ? body.substring(1) : body;
    boolean found = false;
    for (int i = 0; i < set.length(); i++) {
      if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
        found |= c >= set.charAt(i) && c <= set.charAt(i + 2);
        i += 2;
      } else {
        found |= c == set.charAt(i);
      }
    }
    return found != negate;
  }
}
