package dev.tend.control.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {

  @Test
  void unixUrlNormalizesItsPathAndSendsLocalhost() {
    ServerUrl u = ServerUrl.parse("unix:///tmp//run/../supervisor.sock");
    assertTrue(u.isUnix());
    assertEquals(Path.of("/tmp/supervisor.sock"), u.socketPath());
    assertEquals("unix:///tmp/supervisor.sock", u.toString());
    assertEquals("localhost", u.hostHeader());
  }

  @Test
  void unixUrlExpandsHomeAndResolvesRelativePaths() {
    assertEquals(
        Path.of(System.getProperty("user.home"), "s.sock"),
        ServerUrl.parse("unix://~/s.sock").socketPath());
    assertEquals(
        Path.of("").toAbsolutePath().resolve("run/s.sock"),
        ServerUrl.parse("unix://run/s.sock").socketPath());
  }

  @Test
  void httpUrlDefaultsToPort80AndIgnoresThePath() {
    ServerUrl u = ServerUrl.parse("http://Example.COM/RPC2?x#y");
    assertFalse(u.isUnix());
    assertEquals("example.com", u.host());
    assertEquals(80, u.port());
    assertEquals("example.com", u.hostHeader());
    assertEquals("http://Example.COM/RPC2?x#y", u.toString());
  }

  @Test
  void httpUrlWithPortUserInfoAndIpv6() {
    ServerUrl u = ServerUrl.parse("http://user:pw@localhost:9001/");
    assertEquals("localhost", u.host());
    assertEquals(9001, u.port());
    assertEquals("localhost:9001", u.hostHeader());
    ServerUrl v6 = ServerUrl.parse("http://[::1]:9001");
    assertEquals("::1", v6.host());
    assertEquals("[::1]:9001", v6.hostHeader());
    assertEquals(80, ServerUrl.parse("http://host:").port());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:9001",
        "https://localhost",
        "HTTP://localhost",
        "unix://",
        "http://",
        "http://:9001",
        "http://host:0",
        "http://host:65536",
        "http://host:9x",
        "http://host:123456",
        "http://[::1",
        "http://[::1]x"
      })
  void badUrlsAreRefusedNamingTheUrl(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(url));
    assertTrue(e.getMessage().contains("'" + url + "'"), e.getMessage());
  }

  @Test
  void sshUrlNamesAHostAndARemoteSocket() {
    ServerUrl u = ServerUrl.parse("ssh://deploy@web1.example.com:2222/tmp/supervisord.site.sock");
    assertTrue(u.isSsh());
    assertFalse(u.isUnix(), "not a local socket: no /proc sampling, no local path");
    assertEquals(
        new dev.tend.control.client.ssh.SshTarget("deploy", "web1.example.com", 2222),
        u.sshTarget());
    assertEquals("/tmp/supervisord.site.sock", u.remoteSocket());
    assertEquals("localhost", u.hostHeader());
    assertEquals("deploy@web1.example.com:2222", u.sshTarget().toString());
  }

  @Test
  void sshUrlWithoutAPathFindsTheServerOrReadsTheNamedConfig() {
    ServerUrl bare = ServerUrl.parse("ssh://web1");
    assertEquals(null, bare.remoteSocket());
    assertEquals(null, bare.remoteConfig());
    assertEquals(null, ServerUrl.parse("ssh://web1/").remoteSocket());
    ServerUrl c = ServerUrl.parse("ssh://web1?c=/srv/www/site/supervisord%20a.conf");
    assertEquals("/srv/www/site/supervisord a.conf", c.remoteConfig());
    assertEquals(0, c.sshTarget().port(), "ssh's own port choice");
    assertEquals("::1", ServerUrl.parse("ssh://[::1]:22/x.sock").sshTarget().host());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ssh://",
        "ssh:///x.sock",
        "ssh://-oProxyCommand=x/x.sock",
        "ssh://web1:99999/x.sock",
        "ssh://web1/a:b.sock",
        "ssh://web1/x.sock?c=/etc/s.conf",
        "ssh://web1?config=/etc/s.conf",
        "ssh://web1/%zz"
      })
  void badSshUrlsAreRefusedNamingTheUrl(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(url));
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }
}
