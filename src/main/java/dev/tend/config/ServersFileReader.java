package dev.tend.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a servers file, an INI file like supervisor's own (same comment, continuation and {@code
 * %(ENV_X)s} rules):
 *
 * <pre>
 * [server:web1]
 * url = ssh://deploy@web1.example.com/tmp/supervisord.www-site.sock
 * username = admin          ; optional, with password: basic auth
 * password = %(ENV_WEB_PASSWORD)s
 *
 * [group:web]
 * servers = web1, web2, web3
 * </pre>
 *
 * A group is a section as supervisord's own {@code [group:NAME] programs = a, b} is: its members in
 * one key, split at commas or blanks. Server and group names share one namespace ({@code tend web}
 * opens either). Every problem is reported, each naming the file, line, section, key and value.
 */
public final class ServersFileReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final List<String> SERVER_KEYS = List.of("url", "username", "password");
  private static final List<String> GROUP_KEYS = List.of("servers");

  /** Says what is wrong with a server URL, or null when it is fine. */
  @FunctionalInterface
  public interface UrlCheck {
    @Nullable String problem(String url);
  }

  private ServersFileReader() {}

  /**
   * @param environment for {@code %(ENV_X)s}
   * @throws ConfigException with every problem found, when the file cannot be read or is wrong
   */
  public static ServersFile read(Path file, Map<String, String> environment, UrlCheck urls)
      throws ConfigException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          List.of(
              new Diagnostic(
                  Diagnostic.Severity.ERROR,
                  "no servers file " + file,
                  file,
                  0,
                  null,
                  null,
                  null)));
    }
    String text = ConfigLoader.readText(file);
    if (text == null) {
      throw new ConfigException(
          List.of(
              new Diagnostic(
                  Diagnostic.Severity.ERROR,
                  "cannot read " + file + " (or it is not UTF-8)",
                  file,
                  0,
                  null,
                  null,
                  null)));
    }
    return parse(file, text, environment, urls);
  }

  /** Reads the text of a servers file; {@code file} is where it says it came from. */
  public static ServersFile parse(
      Path file, String text, Map<String, String> environment, UrlCheck urls)
      throws ConfigException {
    Diagnostics problems = new Diagnostics();
    IniDocument doc = new IniDocument();
    IniParser.read(doc, file, text, problems);
    Map<String, Object> env = new LinkedHashMap<>();
    environment.forEach((k, v) -> env.put("ENV_" + k, v));
    env.put(
        "here",
        file.toAbsolutePath().getParent() == null
            ? "/"
            : file.toAbsolutePath().getParent().toString());
    Map<String, ServerEntry> servers = new LinkedHashMap<>();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String section : doc.sectionNames()) {
      SectionReader r = new SectionReader(doc, section, problems, env, "");
      if (section.startsWith("server:")) {
        server(doc, r, section.substring(7), urls, servers);
      } else if (!section.startsWith("group:")) {
        r.error(
            null,
            "unknown section ["
                + section
                + "]: a servers file has [server:NAME] and"
                + " [group:NAME]");
      }
    }
    for (String section : doc.sectionNames()) {
      if (section.startsWith("group:")) {
        SectionReader r = new SectionReader(doc, section, problems, env, "");
        group(doc, r, section.substring(6), servers, groups);
      }
    }
    if (problems.hasErrors()) {
      throw problems.failure();
    }
    return new ServersFile(file, servers, groups);
  }

  private static void server(
      IniDocument doc, SectionReader r, String name, UrlCheck urls, Map<String, ServerEntry> into) {
    if (!goodName(r, name, "server")) {
      return;
    }
    unknownKeys(doc, r, SERVER_KEYS);
    String url = r.expanded("url", null, Map.of());
    if (url == null || url.isBlank()) {
      r.error(
          null,
          "["
              + r.section()
              + "] needs url = unix:///path, http://host:port or"
              + " ssh://[user@]host[/path]");
      return;
    }
    String problem = urls.problem(url);
    if (problem != null) {
      r.error("url", "url = '" + url + "': " + problem);
      return;
    }
    String user = r.expanded("username", null, Map.of());
    String pass = r.expanded("password", null, Map.of());
    if ((user == null) != (pass == null)) {
      r.error(user == null ? "password" : "username", "username and password go together");
    }
    IniDocument.Section s = doc.section(r.section());
    into.put(
        name, new ServerEntry(name, url, user, pass, s == null ? null : s.file, r.origin().line()));
  }

  private static void group(
      IniDocument doc,
      SectionReader r,
      String name,
      Map<String, ServerEntry> servers,
      Map<String, List<String>> into) {
    if (!goodName(r, name, "group")) {
      return;
    }
    unknownKeys(doc, r, GROUP_KEYS);
    if (servers.containsKey(name)) {
      r.error(
          null,
          "["
              + r.section()
              + "]: there is a [server:"
              + name
              + "] too; a name is one or"
              + " the other");
      return;
    }
    String text = r.expanded("servers", null, Map.of());
    List<String> members = new ArrayList<>();
    for (String m : text == null ? new String[0] : text.split("[,\\s]+")) {
      if (m.isEmpty()) {
        continue;
      }
      if (!servers.containsKey(m)) {
        r.error("servers", "servers = '" + text + "': no [server:" + m + "] in this file");
        return;
      }
      if (!members.contains(m)) {
        members.add(m);
      }
    }
    if (members.isEmpty()) {
      r.error(null, "[" + r.section() + "] needs servers = NAME, NAME, ...");
      return;
    }
    into.put(name, List.copyOf(members));
  }

  private static boolean goodName(SectionReader r, String name, String what) {
    if (NAME.matcher(name).matches()) {
      return true;
    }
    r.error(null, "bad " + what + " name '" + name + "' (letters, digits, _ . -)");
    return false;
  }

  private static void unknownKeys(IniDocument doc, SectionReader r, List<String> known) {
    IniDocument.Section s = doc.section(r.section());
    if (s == null) {
      return;
    }
    for (String key : s.entries().keySet()) {
      if (!known.contains(key)) {
        r.error(key, "unknown key '" + key + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }
}
