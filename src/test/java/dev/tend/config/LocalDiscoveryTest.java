package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery over a directory standing for /, with real unix sockets in it. */
class LocalDiscoveryTest {
  @TempDir Path root;
  private final List<ServerSocketChannel> listening = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    for (ServerSocketChannel c : listening) {
      c.close();
    }
  }

  private Path socket(String path) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    c.bind(UnixDomainSocketAddress.of(p));
    listening.add(c);
    return p;
  }

  private void file(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void configsAndUsualSocketsEachOnceNamedAfterSiteOrSocket() throws IOException {
    Path system = socket("run/supervisor.sock");
    Path site = socket("tmp/supervisord.www-djangosite.sock");
    Path shop = socket("srv/shop/run/tend.sock");
    Path other = socket("tmp/supervisord.blog.sock");
    file(
        "etc/supervisor/supervisord.conf",
        "[unix_http_server]\nfile=" + system + "\n[supervisorctl]\nserverurl=unix://" + system);
    file(
        "srv/www/djangosite/supervisord.conf",
        "[unix_http_server]\nfile=" + site + "\n[supervisorctl]\nusername=u\npassword=p\n");
    file("srv/shop/site.conf", "[unix_http_server]\nfile=%(here)s/run/tend.sock\n");
    file("srv/shop/nginx.conf", "server { listen 80; }\n");
    file("etc/supervisor/conf.d/web.conf", "[program:web]\ncommand=/bin/true\n");
    file("srv/gone/supervisord.conf", "[unix_http_server]\nfile=/nonexistent/x.sock\n");
    Files.writeString(root.resolve("tmp/supervisord.plain.sock"), "not a socket");
    List<ServerEntry> found = new LocalDiscovery(root, Map.of()).find();
    assertEquals(
        List.of(
            "supervisor unix://" + system,
            "shop unix://" + shop,
            "djangosite unix://" + site,
            "blog unix://" + other),
        found.stream().map(e -> e.name() + " " + e.url()).toList());
    assertEquals("u", found.get(2).username(), "the config's [supervisorctl] login comes along");
  }

  @Test
  void twoSocketsOfOneNameGetDistinctNames() throws IOException {
    Path a = socket("tmp/supervisor.sock");
    Path b = socket("run/supervisor.sock");
    assertEquals(
        List.of("supervisor unix://" + a, "supervisor-2 unix://" + b),
        new LocalDiscovery(root, Map.of())
            .find().stream().map(e -> e.name() + " " + e.url()).toList());
  }

  @Test
  void nothingThereIsNothingFound() {
    assertEquals(List.of(), new LocalDiscovery(root, Map.of()).find());
  }
}
