package dev.tend.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real supervisord 4.x ({@code /usr/bin/supervisord -n}) in a temporary directory, for tests that
 * check tend against the original. Fails the test when supervisord is not installed, unless its
 * tests are skipped by name ({@link TestDependency}).
 *
 * <pre>{@code
 * @TempDir Path dir;
 *
 * try (RealSupervisord sd = RealSupervisord.in(dir)
 *     .program("cat", "command=/bin/cat")
 *     .program("sleeper", "command=sleep 1000", "autostart=false")
 *     .start()) {
 *   String url = sd.serverUrl(); // unix:///.../supervisor.sock
 *   ...
 * }
 * }</pre>
 *
 * Every program logs to {@link #logDir()} ({@code NAME-stdout.log}, {@code NAME-stderr.log}) unless
 * its options say otherwise, and stops with {@code stopwaitsecs=2} unless they say otherwise, so
 * shutting down is quick. {@link #close} stops supervisord and kills anything it left behind.
 */
public final class RealSupervisord implements AutoCloseable {
  public static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");

  private final Path dir;
  private final Map<String, List<String>> sections = new LinkedHashMap<>(); // header -> lines
  private String username = ""; // empty: no auth
  private String password = "";
  private int tcpPort; // 0: no [inet_http_server]
  private boolean tend; // run `tend daemon -n` (the built jar) instead of supervisord
  private Process process; // the running supervisord, once started

  private RealSupervisord(Path dir) {
    this.dir = dir;
  }

  /** A supervisord that will keep its config, socket and logs in {@code dir}. */
  public static RealSupervisord in(Path dir) {
    return new RealSupervisord(dir);
  }

  /** Adds (or, before a {@link #writeConfig}, replaces) {@code [program:NAME]}. */
  public RealSupervisord program(String name, String... options) {
    List<String> lines = new ArrayList<>(List.of(options));
    if (lines.stream().noneMatch(l -> l.startsWith("stdout_logfile"))) {
      lines.add("stdout_logfile=" + logDir().resolve(name + "-stdout.log"));
    }
    if (lines.stream().noneMatch(l -> l.startsWith("stderr_logfile"))) {
      lines.add("stderr_logfile=" + logDir().resolve(name + "-stderr.log"));
    }
    if (lines.stream().noneMatch(l -> l.startsWith("stopwaitsecs"))) {
      lines.add("stopwaitsecs=2");
    }
    sections.put("program:" + name, lines);
    return this;
  }

  /** Adds any other section, such as {@code group:web} with {@code programs=a,b}. */
  public RealSupervisord section(String header, String... lines) {
    sections.put(header, List.of(lines));
    return this;
  }

  /** Removes a section ({@code program:NAME}, {@code group:NAME}) from the config. */
  public RealSupervisord remove(String header) {
    sections.remove(header);
    return this;
  }

  /** Requires basic auth on both servers. */
  public RealSupervisord credentials(String user, String pass) {
    this.username = user;
    this.password = pass;
    return this;
  }

  /** Also listens on a free loopback TCP port ({@code [inet_http_server]}). */
  public RealSupervisord tcp() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      tcpPort = probe.getLocalPort();
    }
    return this;
  }

  /**
   * Runs {@code tend daemon -n} (the built jar, {@link TendCommand}) on the same config instead of
   * supervisord: for tests that hold a tend daemon to what they expect of supervisord.
   */
  public RealSupervisord tendDaemon() {
    this.tend = true;
    return this;
  }

  /** Writes the config and starts supervisord; returns once its socket answers RUNNING. */
  public RealSupervisord start() throws IOException, InterruptedException {
    if (!tend) {
      TestDependency.require("supervisor");
    }
    Files.createDirectories(logDir());
    writeConfig();
    List<String> command =
        tend
            ? TendCommand.command("daemon", "-n", "-c", confPath().toString())
            : List.of(SUPERVISORD.toString(), "-n", "-c", confPath().toString());
    process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("supervisord.out").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!answersRunning()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "supervisord exited with " + process.exitValue() + ": " + output());
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("supervisord did not answer in 20 s: " + output());
      }
      Thread.sleep(20);
    }
    return this;
  }

  /** (Re)writes {@link #confPath()} from the sections; supervisord reads it on reloadConfig. */
  public void writeConfig() throws IOException {
    StringBuilder c = new StringBuilder();
    c.append("[unix_http_server]\nfile=").append(socket()).append("\nchmod=0700\n");
    auth(c);
    if (tcpPort != 0) {
      c.append("\n[inet_http_server]\nport=127.0.0.1:").append(tcpPort).append('\n');
      auth(c);
    }
    c.append("\n[supervisord]\nlogfile=").append(dir.resolve("supervisord.log"));
    c.append("\npidfile=").append(dir.resolve("supervisord.pid"));
    c.append("\nchildlogdir=").append(logDir());
    c.append("\nidentifier=tend-test\n");
    c.append("\n[rpcinterface:supervisor]\n");
    c.append("supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n");
    c.append("\n[supervisorctl]\nserverurl=").append(serverUrl()).append('\n');
    for (Map.Entry<String, List<String>> s : sections.entrySet()) {
      c.append("\n[").append(s.getKey()).append("]\n");
      for (String line : s.getValue()) {
        c.append(line).append('\n');
      }
    }
    Files.writeString(confPath(), c.toString(), UTF_8);
  }

  private void auth(StringBuilder c) {
    if (!username.isEmpty()) {
      c.append("username=").append(username).append("\npassword=").append(password).append('\n');
    }
  }

  public Path dir() {
    return dir;
  }

  public Path confPath() {
    return dir.resolve("supervisord.conf");
  }

  public Path socket() {
    return dir.resolve("supervisor.sock");
  }

  /** {@code unix:///.../supervisor.sock}, as supervisorctl's {@code -s} takes it. */
  public String serverUrl() {
    return "unix://" + socket();
  }

  /** {@code http://127.0.0.1:PORT} after {@link #tcp()}. */
  public String tcpUrl() {
    if (tcpPort == 0) {
      throw new IllegalStateException("call tcp() before start() to listen on TCP");
    }
    return "http://127.0.0.1:" + tcpPort;
  }

  public Path logDir() {
    return dir.resolve("logs");
  }

  /** Where {@link #program} sends a program's stdout or stderr. */
  public Path logFile(String program, String stream) {
    return logDir().resolve(program + "-" + stream + ".log");
  }

  public Path mainLog() {
    return dir.resolve("supervisord.log");
  }

  public long pid() {
    return process.pid();
  }

  /** What supervisord printed to its stdout and stderr so far. */
  public String output() {
    try {
      return Files.readString(dir.resolve("supervisord.out"), UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** Stops supervisord (SIGTERM, then SIGKILL after 15 s) and kills any child it left. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      child.destroyForcibly();
    }
  }

  /** A getState over the socket, independent of the client code under test. */
  private boolean answersRunning() {
    if (!Files.exists(socket())) {
      return false;
    }
    String body =
        "<?xml version='1.0'?><methodCall><methodName>supervisor.getState</methodName>"
            + "</methodCall>";
    StringBuilder head = new StringBuilder("POST /RPC2 HTTP/1.0\r\nHost: localhost\r\n");
    if (!username.isEmpty()) {
      String pair = username + ":" + password;
      head.append("Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(pair.getBytes(UTF_8)))
          .append("\r\n");
    }
    head.append("Content-Type: text/xml\r\nContent-Length: ").append(body.length());
    head.append("\r\n\r\n").append(body);
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.connect(UnixDomainSocketAddress.of(socket()));
      c.write(ByteBuffer.wrap(head.toString().getBytes(UTF_8)));
      InputStream in = Channels.newInputStream(c);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer); // HTTP/1.0 without keep-alive: the server closes when done
      return answer.toString(UTF_8).contains("<string>RUNNING</string>");
    } catch (IOException notYet) {
      return false;
    }
  }

  /** For tests that need a port nothing listens on. */
  public static int unusedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return probe.getLocalPort();
    }
  }
}
