package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [supervisord]} (spec §1.5): defaults, values, errors, command-line overrides. */
class SupervisordSectionTest {
  @TempDir Path dir;

  @Test
  void defaults() throws Exception {
    SupervisordConfig s = new ConfigFiles(dir).load("").supervisord();
    assertEquals(dir.resolve("supervisord.log"), s.logfile());
    assertFalse(s.logToSyslog());
    assertEquals(50L * 1024 * 1024, s.logfileMaxbytes());
    assertEquals(10, s.logfileBackups());
    assertEquals(LogLevel.INFO, s.loglevel());
    assertEquals(dir.resolve("supervisord.pid"), s.pidfile());
    assertEquals(022, s.umask());
    assertFalse(s.nodaemon());
    assertFalse(s.silent());
    assertEquals(1024, s.minfds());
    assertEquals(200, s.minprocs());
    assertFalse(s.nocleanup());
    assertEquals(dir.resolve("tmp"), s.childlogdir());
    assertNull(s.uid());
    assertNull(s.user());
    assertNull(s.directory());
    assertFalse(s.stripAnsi());
    assertEquals(Map.of(), s.environment());
    assertEquals("supervisor", s.identifier());
    assertEquals(List.of(), s.profileOptions());
  }

  @Test
  void values() throws Exception {
    Files.createDirectories(dir.resolve("logs"));
    SupervisordConfig s =
        new ConfigFiles(dir)
            .load(
                String.join(
                    "\n",
                    "logfile=%(here)s/logs/main.log",
                    "logfile_maxbytes=1MB",
                    "logfile_backups=0",
                    "loglevel=blather",
                    "pidfile=logs/sd.pid",
                    "umask=077",
                    "nodaemon=true",
                    "silent=true",
                    "minfds=4096",
                    "minprocs=10",
                    "nocleanup=yes",
                    "childlogdir=%(here)s/logs",
                    "user=nobody",
                    "directory=logs",
                    "strip_ansi=on",
                    "environment=A=1,HOST=\"%%(host_node_name)s\"",
                    "identifier=site",
                    ""))
            .supervisord();
    assertEquals(dir.resolve("logs/main.log"), s.logfile());
    assertEquals(1024 * 1024, s.logfileMaxbytes());
    assertEquals(0, s.logfileBackups());
    assertEquals(LogLevel.BLATHER, s.loglevel());
    assertEquals(dir.resolve("logs/sd.pid"), s.pidfile());
    assertEquals(077, s.umask());
    assertTrue(s.nodaemon());
    assertTrue(s.silent());
    assertEquals(4096, s.minfds());
    assertEquals(10, s.minprocs());
    assertTrue(s.nocleanup());
    assertEquals(dir.resolve("logs"), s.childlogdir());
    assertEquals(65534, s.uid());
    assertEquals("nobody", s.user());
    assertEquals(dir.resolve("logs"), s.directory());
    assertTrue(s.stripAnsi());
    assertEquals(Map.of("A", "1", "HOST", "testhost"), s.environment());
    assertEquals("site", s.identifier());
  }

  @Test
  void syslogLogfile() throws Exception {
    SupervisordConfig s = new ConfigFiles(dir).load("logfile=syslog\n").supervisord();
    assertNull(s.logfile());
    assertTrue(s.logToSyslog());
  }

  @Test
  void hostNodeNameInEnvironmentNeedsDoublePercentLikeSupervisord() {
    String e = new ConfigFiles(dir).error("environment=H=%(host_node_name)s\n");
    assertTrue(
        e.startsWith(
            "Format string 'H=%(host_node_name)s' for 'supervisord.environment' contains names"
                + " ('host_node_name') which cannot be expanded. Available names: ENV_HOME,"
                + " ENV_PORT, here"),
        e);
  }

  @Test
  void errors() {
    ConfigFiles f = new ConfigFiles(dir);
    assertEquals("invalid literal for int() with base 10: 'x'", f.error("minfds=x\n"));
    assertEquals("999 can not be converted to an octal type", f.error("umask=999\n"));
    assertEquals("bad logging level name 'loud'", f.error("loglevel=loud\n"));
    assertEquals("not a valid boolean value: 'x'", f.error("nodaemon=x\n"));
    assertEquals("/nope is not an existing directory", f.error("childlogdir=/nope\n"));
    assertEquals("/nope is not an existing directory", f.error("directory=/nope\n"));
    assertEquals(
        "The directory named as part of the path /nope/sd.log does not exist",
        f.error("logfile=/nope/sd.log\n"));
    assertEquals("Invalid user name ghost", f.error("user=ghost\n"));
  }

  @Test
  void missingSectionIsAnError() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(f.context()).load(f.write("x.conf", "[program:a]\ncommand=x\n")));
    assertEquals(".ini file does not include supervisord section", e.getMessage());
  }

  @Test
  void missingAndUnreadableFiles() {
    ConfigFiles f = new ConfigFiles(dir);
    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class, () -> new ConfigLoader(f.context()).load(Path.of("nope.conf")));
    assertEquals("could not find config file nope.conf", e.getMessage());
    Path binary = f.write("bin.conf", "");
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(
        () -> Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0}));
    assertEquals(
        "could not read config file " + binary,
        org.junit.jupiter.api.Assertions.assertThrows(
                ConfigException.class, () -> new ConfigLoader(f.context()).load(binary))
            .getMessage());
  }

  @Test
  void commandLineValuesReplaceTheFilesAndAreNotExpanded() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    Path file = f.write("c.conf", "[supervisord]\nloglevel=debug\nidentifier=file\n");
    SupervisordConfig s =
        new ConfigLoader(f.context())
            .load(file, Map.of("loglevel", "warn", "identifier", "100%", "nodaemon", "true"))
            .supervisord();
    assertEquals(LogLevel.WARN, s.loglevel());
    assertEquals("100%", s.identifier());
    assertTrue(s.nodaemon());
  }
}
