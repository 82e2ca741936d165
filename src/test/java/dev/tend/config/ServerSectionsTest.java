package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [unix_http_server]}, {@code [inet_http_server]}, {@code [supervisorctl]}, rpc. */
class ServerSectionsTest {
  @TempDir Path dir;

  @Test
  void unixServer() throws Exception {
    SupervisorConfig c =
        new ConfigFiles(dir)
            .load(
                "[unix_http_server]\nfile=%(here)s/s.sock\nchmod=0770\nchown=nobody:nogroup\n"
                    + "username=u\npassword=p\n");
    assertEquals(
        List.of(
            new UnixHttpServerConfig(
                "unix_http_server",
                dir.resolve("s.sock"),
                0770,
                65534,
                65534,
                new HttpAuth("u", "p"))),
        c.unixHttpServers());
  }

  @Test
  void unixServerDefaultsAndPrefixedNames() throws Exception {
    SupervisorConfig c = new ConfigFiles(dir).load("[unix_http_server_two]\nfile=~/two.sock\n");
    UnixHttpServerConfig s = c.unixHttpServers().get(0);
    assertEquals("unix_http_server_two", s.section());
    assertEquals(Path.of("/home/tester/two.sock"), s.file());
    assertEquals(0700, s.chmod());
    assertNull(s.chownUid());
    assertNull(s.auth());
  }

  @Test
  void unixServerErrors() {
    ConfigFiles f = new ConfigFiles(dir);
    assertEquals("section [unix_http_server] has no file value", f.error("[unix_http_server]\n"));
    assertEquals(
        "Invalid chmod value 999", f.error("[unix_http_server]\nfile=/tmp/x\nchmod=999\n"));
    assertEquals(
        "Invalid sockchown value ghost", f.error("[unix_http_server]\nfile=/tmp/x\nchown=ghost\n"));
    assertEquals(
        "Section [unix_http_server] contains incomplete authentication: If a username or a"
            + " password is specified, both the username and password must be specified",
        f.error("[unix_http_server]\nfile=/tmp/x\nusername=u\n"));
  }

  @Test
  void inetServer() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    assertEquals(
        List.of(new InetHttpServerConfig("inet_http_server", "", 9001, null)),
        f.load("[inet_http_server]\nport=*:9001\n").inetHttpServers());
    assertEquals(
        new InetHttpServerConfig("inet_http_server", "127.0.0.1", 8080, new HttpAuth("a", "b")),
        f.load("[inet_http_server]\nport=127.0.0.1:%(ENV_PORT)s\nusername=a\npassword=b\n")
            .inetHttpServers()
            .get(0));
    assertEquals("section [inet_http_server] has no port value", f.error("[inet_http_server]\n"));
    assertEquals("not a valid port number: 'http' ", f.error("[inet_http_server]\nport=http\n"));
  }

  @Test
  void supervisorctlSection() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    CtlConfig ctl =
        f.load(
                "[supervisorctl]\nserverurl=unix://%(here)s/../x/./s.sock\nusername=u\n"
                    + "password=p\nprompt=site\nhistory_file=~/.hist\n")
            .ctl();
    assertEquals(
        new CtlConfig(
            "unix://" + dir.getParent().resolve("x/s.sock"),
            "u",
            "p",
            "site",
            Path.of("/home/tester/.hist")),
        ctl);
    assertEquals(CtlConfig.defaults(), f.load("[supervisorctl]\n").ctl());
    assertNull(f.load("").ctl());
  }

  @Test
  void rpcInterfaces() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    SupervisorConfig c =
        f.load(
            "[rpcinterface:supervisor]\n"
                + "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
                + "[rpcinterface:twiddler]\n"
                + "supervisor.rpcinterface_factory = supervisor_twiddler.rpcinterface:make\n"
                + "retries = %(ENV_PORT)s\n");
    assertEquals(2, c.rpcInterfaces().size());
    assertEquals(java.util.Map.of("retries", "8080"), c.rpcInterfaces().get(1).options());
    assertEquals(
        "tend cannot load the Python rpc interface supervisor_twiddler.rpcinterface:make of"
            + " [rpcinterface:twiddler]; calls to its namespace 'twiddler' will fail",
        c.diagnostics().get(0).message());
    assertEquals(
        "section [rpcinterface:x] does not specify a supervisor.rpcinterface_factory",
        f.error("[rpcinterface:x]\nfoo=bar\n"));
  }
}
