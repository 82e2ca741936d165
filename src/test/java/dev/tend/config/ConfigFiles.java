package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.testing.FakeUserDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes configs into a test's temp directory and loads them with a fixed context: environment
 * {@code HOME=/home/tester, PORT=8080}, host {@code testhost}, the fake users, cwd = the dir.
 */
final class ConfigFiles {
  final Path dir;
  final Map<String, String> env = new LinkedHashMap<>();
  final FakeUserDatabase users = new FakeUserDatabase(1000);

  ConfigFiles(Path dir) {
    this.dir = dir;
    env.put("HOME", "/home/tester");
    env.put("PORT", "8080");
  }

  ConfigContext context() {
    return new ConfigContext(env, "testhost", users, dir, dir.resolve("tmp"));
  }

  Path write(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      Files.createDirectories(dir.resolve("tmp"));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads supervisord.conf made of a [supervisord] section and the given text. */
  SupervisorConfig load(String text) throws ConfigException {
    return new ConfigLoader(context()).load(write("supervisord.conf", "[supervisord]\n" + text));
  }

  /** The errors' messages; fails when the config loads. */
  List<String> errors(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(text));
    return e.errors().stream().map(Diagnostic::message).toList();
  }

  /** The one error's message. */
  String error(String text) {
    List<String> errors = errors(text);
    assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
    return errors.get(0);
  }

  /** The only process of [program:p] (command=/bin/cat plus the given lines). */
  ProcessConfig program(String lines) throws ConfigException {
    SupervisorConfig c = load("[program:p]\ncommand=/bin/cat\n" + lines);
    return c.group("p").orElseThrow().processes().get(0);
  }

  /** The error of [program:p] with the given lines. */
  String programError(String lines) {
    return error("[program:p]\ncommand=/bin/cat\n" + lines);
  }

  /** What supervisord appends to errors of [program:p]. */
  String suffix() {
    return " in section 'program:p' (file: '" + dir.resolve("supervisord.conf") + "')";
  }
}
