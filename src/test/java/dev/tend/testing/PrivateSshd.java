package dev.tend.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenSSH server for tests: {@code /usr/sbin/sshd -D -e} on 127.0.0.1 on a free port,
 * with its own host key, authorized key and config in a temporary directory, logging in the current
 * user (root here). Never the system's sshd, keys or known_hosts: clients use {@link #tendSsh()}
 * ({@code ssh -F <dir>/ssh_config}), whose config maps every host name to this server with a
 * known_hosts file of its own, except two names for failures:
 *
 * <ul>
 *   <li>{@value #UNREACHABLE}: a loopback port nobody listens on (connection refused);
 *   <li>{@value #WRONG_KEY}: this server, logging in with a key it does not know.
 * </ul>
 *
 * So {@code ssh://web1/path}, {@code ssh://web2/path} are distinct hosts to tend (one master each)
 * and the same server. As root, sshd needs its privilege separation directory {@code /run/sshd}
 * (which the Debian package makes when its service starts): it is made (empty, 0755) if missing.
 *
 * <pre>{@code
 * try (PrivateSshd sshd = PrivateSshd.start(dir)) {
 *   Map<String, String> env = sshd.environment(); // TEND_SSH=ssh -F ...
 * }
 * }</pre>
 */
public final class PrivateSshd implements AutoCloseable {
  public static final Path SSHD = Path.of("/usr/sbin/sshd");
  public static final String UNREACHABLE = "unreachable";
  public static final String WRONG_KEY = "wrongkey";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private Process sshd;

  private PrivateSshd(Path dir, int port, Process sshd) {
    this.dir = dir;
    this.port = port;
    this.sshd = sshd;
  }

  /** Makes keys and configs in {@code dir} (a fresh directory) and starts sshd. */
  public static PrivateSshd start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    keygen(dir.resolve("host_key"), "");
    keygen(dir.resolve("id_ed25519"), "");
    keygen(dir.resolve("wrong_key"), "");
    Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
    privilegeSeparationDirectory();
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      writeServerConfig(dir, port);
      Process p = launch(dir);
      try {
        awaitBanner(p, port, dir);
      } catch (IOException e) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        last = e; // most likely the port was taken meanwhile: try another
        continue;
      }
      PrivateSshd s = new PrivateSshd(dir, port, p);
      s.writeClientConfig();
      return s;
    }
    throw new IOException("sshd did not start", last);
  }

  /** Starts sshd again on the same port (after {@link #stop()}): a host coming back. */
  public void restart() throws IOException, InterruptedException {
    sshd = launch(dir);
    awaitBanner(sshd, port, dir);
  }

  private static Process launch(Path dir) throws IOException {
    return new ProcessBuilder(
            SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
        .start();
  }

  /** {@code TEND_SSH} for tend: the system's ssh client with this server's client config. */
  public String tendSsh() {
    return "ssh -F " + clientConfig();
  }

  /** The environment for a tend under test: this process's, with {@code TEND_SSH} set. */
  public Map<String, String> environment() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("TEND_SSH", tendSsh());
    return env;
  }

  public Path clientConfig() {
    return dir.resolve("ssh_config");
  }

  public Path directory() {
    return dir;
  }

  public int port() {
    return port;
  }

  /** What sshd logged so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("sshd.log"), UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Every ssh started with {@link #tendSsh()} (its command line names this server's client config),
   * and tend's watchdog shells around them ({@code sh -c ... tend-ssh DIR ssh ...}); not other
   * processes that merely pass the string on (a tmux pane's shell). Tests expect none once tend is
   * gone.
   */
  public List<ProcessHandle> clients() {
    String mark = clientConfig().toString();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(
            h -> {
              List<String> args = h.info().arguments().map(List::of).orElse(List.of());
              boolean ssh = h.info().command().map(c -> c.endsWith("/ssh")).orElse(false);
              return args.contains(mark) && (ssh || args.contains("tend-ssh"));
            })
        .forEach(found::add);
    return found;
  }

  /** Stops sshd and every session process it forked (a host going away). */
  public void stop() {
    List<ProcessHandle> children = sshd.descendants().toList();
    sshd.destroy();
    for (ProcessHandle c : children) {
      c.destroy();
    }
    try {
      if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
        sshd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle c : children) {
      c.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void keygen(Path key, String passphrase) throws IOException, InterruptedException {
    run(
        List.of(
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            passphrase,
            "-C",
            "tend-test",
            "-f",
            key.toString()));
  }

  /** Adds a passphrase to this server's client key (for tests of prompts). */
  public void protectClientKey(String passphrase) throws IOException, InterruptedException {
    run(
        List.of(
            "ssh-keygen",
            "-q",
            "-p",
            "-P",
            "",
            "-N",
            passphrase,
            "-f",
            dir.resolve("id_ed25519").toString()));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static void privilegeSeparationDirectory() throws IOException {
    Path run = Path.of("/run/sshd");
    if (!Files.isDirectory(run) && "root".equals(System.getProperty("user.name"))) {
      Files.createDirectories(
          run, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void writeServerConfig(Path dir, int port) throws IOException {
    String config =
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + dir.resolve("host_key"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PidFile none",
            "StrictModes no",
            "UsePAM no",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "AllowStreamLocalForwarding yes",
            "AllowTcpForwarding yes",
            "MaxSessions 100",
            "MaxStartups 100",
            "LogLevel VERBOSE",
            "");
    Files.writeString(dir.resolve("sshd_config"), config, UTF_8);
  }

  private void writeClientConfig() throws IOException {
    String hostKey = Files.readString(dir.resolve("host_key.pub"), UTF_8).strip();
    String[] parts = hostKey.split(" ");
    Files.writeString(
        dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n");
    int closed = freePort();
    String user = System.getProperty("user.name");
    String config =
        String.join(
            "\n",
            "Host " + UNREACHABLE,
            "  Port " + closed,
            "Host " + WRONG_KEY,
            "  IdentityFile " + dir.resolve("wrong_key"),
            "Host * !" + WRONG_KEY,
            "  IdentityFile " + dir.resolve("id_ed25519"),
            "Host *",
            "  HostName 127.0.0.1",
            "  Port " + port,
            "  User " + user,
            "  IdentitiesOnly yes",
            "  IdentityAgent none",
            "  UserKnownHostsFile " + dir.resolve("known_hosts"),
            "  GlobalKnownHostsFile /dev/null",
            "  StrictHostKeyChecking yes",
            "  UpdateHostKeys no",
            "");
    Files.writeString(clientConfig(), config, UTF_8);
  }

  private static void awaitBanner(Process p, int port, Path dir)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!p.isAlive()) {
        throw new IOException(
            "sshd exited with " + p.exitValue() + ": " + Files.readString(dir.resolve("sshd.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        s.setSoTimeout(2000);
        InputStream in = s.getInputStream();
        byte[] banner = new byte[4];
        if (in.readNBytes(banner, 0, 4) == 4 && new String(banner, UTF_8).equals("SSH-")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("sshd did not answer on port " + port + " in 20 s");
      }
      Thread.sleep(20); // polling for the listener: a condition with a deadline, as Await does
    }
  }
}
