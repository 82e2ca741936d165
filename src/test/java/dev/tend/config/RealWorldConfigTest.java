package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment write-up's config from the issue, with its paths moved into a temp dir. */
class RealWorldConfigTest {
  @TempDir Path dir;

  @Test
  void djangoSiteLoadsAsWritten() throws Exception {
    Path site = dir.resolve("srv/www/djangosite");
    Files.createDirectories(site.resolve("logs"));
    Files.createDirectories(dir.resolve("tmp"));
    String text =
        """
        [supervisord]
        childlogdir = /srv/www/djangosite/logs
        logfile = /srv/www/djangosite/logs/supervisord.log
        logfile_maxbytes = 5000000
        logfile_backups = 5
        loglevel = info
        pidfile = /srv/www/djangosite/supervisord.pid
        umask = 022

        [unix_http_server]
        file = /tmp/supervisord.www-djangosite.sock
        chmod = 0700

        [supervisorctl]
        serverurl = unix:///tmp/supervisord.www-djangosite.sock

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface

        [program:django]
        autostart = true
        directory = /srv/www/djangosite/app/current
        command = /srv/www/djangosite/app/current/env/bin/python manage.py run_gunicorn 127.0.0.1:9011
        """
            .replace(" /srv/", " " + dir + "/srv/")
            .replace("/tmp/supervisord", dir + "/tmp/supervisord");
    ConfigFiles files = new ConfigFiles(dir);
    SupervisorConfig c = new ConfigLoader(files.context()).load(files.write("site.conf", text));

    SupervisordConfig s = c.supervisord();
    assertEquals(site.resolve("logs"), s.childlogdir());
    assertEquals(site.resolve("logs/supervisord.log"), s.logfile());
    assertEquals(5_000_000, s.logfileMaxbytes());
    assertEquals(5, s.logfileBackups());
    assertEquals(LogLevel.INFO, s.loglevel());
    assertEquals(site.resolve("supervisord.pid"), s.pidfile());
    assertEquals(022, s.umask());
    assertEquals(
        List.of(
            new UnixHttpServerConfig(
                "unix_http_server",
                dir.resolve("tmp/supervisord.www-djangosite.sock"),
                0700,
                null,
                null,
                null)),
        c.unixHttpServers());
    assertEquals(
        "unix://" + dir.resolve("tmp/supervisord.www-djangosite.sock"), c.ctl().serverurl());
    assertEquals(RpcInterfaceConfig.MAIN_FACTORY, c.rpcInterfaces().get(0).factory());
    assertEquals("supervisor", c.rpcInterfaces().get(0).name());

    GroupConfig g = c.groups().get(0);
    assertEquals(1, c.groups().size());
    assertEquals("django", g.name());
    assertEquals(GroupKind.PROGRAM, g.kind());
    ProcessConfig p = g.processes().get(0);
    assertEquals("django", p.name());
    assertTrue(p.autostart());
    assertEquals(site + "/app/current", p.directory());
    assertEquals(
        site + "/app/current/env/bin/python manage.py run_gunicorn 127.0.0.1:9011", p.command());
    assertEquals(
        List.of(
            site + "/app/current/env/bin/python", "manage.py", "run_gunicorn", "127.0.0.1:9011"),
        CommandLine.split(p.command()));
    assertEquals(LogFileSpec.AUTO, p.stdout().logfile());
    assertNull(p.uid());
    assertEquals(List.of(), c.diagnostics());
  }
}
