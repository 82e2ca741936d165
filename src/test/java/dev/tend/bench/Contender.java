package dev.tend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A supervisor under test: how to start its daemon and its ctl on a config. */
enum Contender {
  TEND("tend"),
  SUPERVISORD("supervisord");

  static final Path SUPERVISORD_BIN = Path.of("/usr/bin/supervisord");
  static final Path SUPERVISORCTL_BIN = Path.of("/usr/bin/supervisorctl");

  private final String label;

  Contender(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The daemon in the foreground ({@code -n}), as a user would start it. */
  List<String> daemon(Path root, Path conf) {
    return this == TEND
        ? List.of(root.resolve("bin/tend").toString(), "daemon", "-n", "-c", conf.toString())
        : List.of(SUPERVISORD_BIN.toString(), "-n", "-c", conf.toString());
  }

  /** The ctl with {@code args}, talking to the server in {@code conf}. */
  List<String> ctl(Path root, Path conf, String... args) {
    List<String> cmd = new ArrayList<>();
    if (this == TEND) {
      cmd.addAll(List.of(root.resolve("bin/tend").toString(), "ctl"));
    } else {
      cmd.add(SUPERVISORCTL_BIN.toString());
    }
    cmd.addAll(List.of("-c", conf.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  boolean installed(Path root) {
    return Files.isExecutable(this == TEND ? root.resolve("bin/tend") : SUPERVISORD_BIN);
  }

  /** Whether this build has a ctl at all ({@code tend ctl} arrives in its own issue). */
  boolean hasCtl(Path root) {
    if (this == SUPERVISORD) {
      return Files.isExecutable(SUPERVISORCTL_BIN);
    }
    try {
      // supervisorctl's `help` needs no server and exits 0; a build without a ctl refuses it
      Process p =
          new ProcessBuilder(root.resolve("bin/tend").toString(), "ctl", "help")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
