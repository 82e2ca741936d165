package dev.tend.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a program's environment holds, and which {@code ENV_} names expansion offers, when tend is
 * started through its launcher (bin/tend, which exports its own variables and runs in bash): the
 * same as under the real supervisord started with the same environment.
 */
class ChildEnvironmentIT {
  @TempDir Path dir;

  /** The environment a user starts both with: small, with a value bash would not keep as is. */
  private Map<String, String> userEnvironment() {
    Map<String, String> env = new TreeMap<>();
    Path javaBin = Path.of(System.getProperty("java.home"), "bin"); // bin/tend finds its JDK here
    env.put("PATH", javaBin + ":/usr/bin:/bin");
    env.put("HOME", dir.toString());
    env.put("LANG", "C.UTF-8");
    env.put("TEND_HOME", "/the/users/own"); // the launcher sets it too: the user's comes back
    env.put("ODD", "50% off\nsecond line");
    return env;
  }

  private Path config(String who, String program) throws IOException {
    Path home = Files.createDirectories(dir.resolve(who));
    Path conf = home.resolve("supervisord.conf");
    Files.writeString(
        conf,
        """
        [supervisord]
        logfile=%1$s/main.log
        pidfile=%1$s/daemon.pid
        childlogdir=%1$s
        [unix_http_server]
        file=%1$s/s.sock
        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
        [program:dump]
        %2$s
        stdout_logfile=%1$s/env.bin
        environment=FROM_CONFIG="yes"
        autorestart=false
        startsecs=0
        """
            .formatted(home, program),
        UTF_8);
    return conf;
  }

  private Process start(Path home, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().clear();
    pb.environment().putAll(userEnvironment());
    pb.redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
    return pb.start();
  }

  private static String launcher() {
    return Path.of("bin", "tend").toAbsolutePath().toString();
  }

  /** The child's {@code env -0}, once it has run; SUPERVISOR_SERVER_URL names each's own socket. */
  private static Map<String, String> dumped(Path home) throws IOException {
    Path file = home.resolve("env.bin");
    Await.until(
        "the child's environment in " + file,
        Duration.ofSeconds(60),
        () -> {
          try {
            return Files.exists(file) && Files.readString(file, UTF_8).contains("FROM_CONFIG=");
          } catch (IOException e) {
            return false;
          }
        });
    Map<String, String> env = new TreeMap<>();
    for (String entry : Files.readString(file, UTF_8).split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    assertEquals("unix://" + home.resolve("s.sock"), env.remove("SUPERVISOR_SERVER_URL"));
    return env;
  }

  @Test
  void aProgramGetsTheEnvironmentSupervisordWouldGiveItNotTheLaunchers() throws Exception {
    TestDependency.require("supervisor");
    Path sdConf = config("sd", "command=/usr/bin/env -0");
    Path tendConf = config("tend", "command=/usr/bin/env -0");
    Process sd =
        start(sdConf.getParent(), RealSupervisord.SUPERVISORD.toString(), "-n", "-c", "" + sdConf);
    Map<String, String> bySupervisord;
    try {
      bySupervisord = dumped(sdConf.getParent());
    } finally {
      sd.destroy();
      sd.waitFor(30, TimeUnit.SECONDS);
    }
    // detaching: the console's way of starting a daemon too (a parent that waits for it to be
    // ready)
    Process launch = start(tendConf.getParent(), launcher(), "daemon", "-c", "" + tendConf);
    assertTrue(launch.waitFor(120, TimeUnit.SECONDS), "bin/tend daemon did not detach");
    Path pidfile = tendConf.resolveSibling("daemon.pid");
    try {
      assertEquals(0, launch.exitValue(), Files.readString(tendConf.resolveSibling("out.txt")));
      Map<String, String> byTend = dumped(tendConf.getParent());
      assertEquals("/the/users/own", bySupervisord.get("TEND_HOME"));
      assertEquals(bySupervisord, byTend);
    } finally {
      stop(pidfile);
    }
  }

  @Test
  void anUnknownEnvNameListsTheNamesSupervisordWould() throws Exception {
    TestDependency.require("supervisor");
    String bad = "command=/bin/echo %(ENV_NOPE)s";
    Path sdConf = config("sd", bad);
    Path tendConf = config("tend", bad);
    Process sd =
        start(sdConf.getParent(), RealSupervisord.SUPERVISORD.toString(), "-n", "-c", "" + sdConf);
    assertTrue(sd.waitFor(60, TimeUnit.SECONDS), "supervisord ran on a bad config");
    Process check =
        start(tendConf.getParent(), launcher(), "daemon", "--check", "-c", "" + tendConf);
    assertTrue(check.waitFor(120, TimeUnit.SECONDS), "tend daemon --check did not finish");
    assertNotEquals(0, check.exitValue());
    Set<String> bySupervisord = envNames(sdConf.resolveSibling("out.txt"));
    Set<String> byTend = envNames(tendConf.resolveSibling("out.txt"));
    assertTrue(bySupervisord.contains("ENV_ODD"), bySupervisord.toString());
    assertEquals(bySupervisord, byTend);
  }

  private static Set<String> envNames(Path output) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\bENV_\\w+").matcher(Files.readString(output, UTF_8));
    while (m.find()) {
      names.add(m.group());
    }
    names.remove("ENV_NOPE");
    return names;
  }

  private static void stop(Path pidfile) throws Exception {
    if (!Files.exists(pidfile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidfile).trim());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
  }
}
