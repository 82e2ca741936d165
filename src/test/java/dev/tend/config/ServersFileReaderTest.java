package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServersFileReaderTest {
  private static final Path FILE = Path.of("/home/op/.config/tend/servers.conf");

  private static ServersFile read(String text) throws ConfigException {
    return ServersFileReader.parse(
        FILE,
        text,
        Map.of("WEB_PASSWORD", "s3cret"),
        url -> url.startsWith("bogus") ? "must start with unix://, http:// or ssh://" : null);
  }

  private static Diagnostic onlyError(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> read(text));
    assertEquals(1, e.errors().size(), e.errors().toString());
    return e.errors().get(0);
  }

  @Test
  void serversAndGroupsInTheOrderWritten() throws ConfigException {
    ServersFile f =
        read(
            """
            ; the web tier
            [server:web2]
            url = ssh://deploy@web2/tmp/supervisord.site.sock
            [server:web1]
            url = ssh://deploy@web1/tmp/supervisord.site.sock
            username = admin
            password = %(ENV_WEB_PASSWORD)s
            [server:db]
            url = unix:///run/supervisor.sock
            [group:web]
            servers = web1, web2
              web1
            """);
    assertEquals(List.of("web2", "web1", "db"), List.copyOf(f.servers().keySet()));
    ServerEntry web1 = f.server("web1");
    assertEquals("admin", web1.username());
    assertEquals("s3cret", web1.password());
    assertEquals(4, web1.line());
    assertEquals(List.of("web1", "web2"), f.groups().get("web"), "each once, as written");
    assertEquals(List.of(web1, f.server("web2")), f.group("web"));
    assertNull(f.group("db"));
    assertEquals(
        "ServerEntry[web1 ssh://deploy@web1/tmp/supervisord.site.sock as admin]",
        web1.toString(),
        "never the password");
  }

  @Test
  void aBadUrlNamesFileLineSectionKeyAndValue() {
    Diagnostic d = onlyError("[server:web1]\n\nurl = bogus://x\n");
    assertEquals(FILE, d.file());
    assertEquals(3, d.line());
    assertEquals("server:web1", d.section());
    assertEquals("url", d.key());
    assertEquals("bogus://x", d.value());
    assertEquals(
        "url = 'bogus://x': must start with unix://, http:// or ssh://"
            + " (file: '/home/op/.config/tend/servers.conf', line 3, [server:web1] url)",
        d.describe());
  }

  @Test
  void aGroupOfAnUnknownServerNamesIt() {
    Diagnostic d =
        onlyError("[server:web1]\nurl=unix:///a.sock\n[group:web]\nservers = web1 web9\n");
    assertEquals("servers = 'web1 web9': no [server:web9] in this file", d.message());
    assertEquals(4, d.line());
    assertEquals("servers", d.key());
  }

  @Test
  void everyMistakeIsReported() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                read(
                    """
                    [server:web1]
                    uri = unix:///a.sock
                    [server:bad name]
                    url = unix:///b.sock
                    [server:db]
                    url = unix:///c.sock
                    username = only
                    [group:db]
                    servers = db
                    [group:empty]
                    servers =
                    [program:x]
                    command = x
                    """));
    List<String> messages = e.errors().stream().map(Diagnostic::message).toList();
    assertEquals(
        List.of(
            "unknown key 'uri' (known: url, username, password)",
            "[server:web1] needs url = unix:///path, http://host:port or ssh://[user@]host[/path]",
            "bad server name 'bad name' (letters, digits, _ . -)",
            "username and password go together",
            "unknown section [program:x]: a servers file has [server:NAME] and [group:NAME]",
            "[group:db]: there is a [server:db] too; a name is one or the other",
            "[group:empty] needs servers = NAME, NAME, ..."),
        messages);
  }

  @Test
  void theDefaultFileFollowsXdg() {
    assertEquals(
        Path.of("/x/tend/servers.conf"),
        ServersFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")));
    assertEquals(
        Path.of("/h/.config/tend/servers.conf"), ServersFile.defaultPath(Map.of("HOME", "/h")));
  }
}
