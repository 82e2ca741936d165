package dev.tend.config;

import dev.tend.platform.UserAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * supervisord's value types that consult the system: users and groups, existing directories, and
 * paths with {@code ~} expanded (Python's {@code os.path.expanduser}).
 */
final class HostValueTypes {
  private final ConfigContext context;

  HostValueTypes(ConfigContext context) {
    this.context = context;
  }

  /** A user name or numeric uid that exists; supervisord's {@code name_to_uid}. */
  int uid(String name) throws InvalidValueException {
    Long number = number(name);
    if (number == null) {
      return context
          .users()
          .byName(name)
          .map(UserAccount::uid)
          .orElseThrow(() -> new InvalidValueException("Invalid user name " + name));
    }
    if (number != number.intValue() || context.users().byUid(number.intValue()).isEmpty()) {
      throw new InvalidValueException("Invalid user id " + name);
    }
    return number.intValue();
  }

  int gid(String name) throws InvalidValueException {
    Long number = number(name);
    if (number == null) {
      return context
          .users()
          .groupByName(name)
          .orElseThrow(() -> new InvalidValueException("Invalid group name " + name));
    }
    if (number != number.intValue() || !context.users().groupExists(number.intValue())) {
      throw new InvalidValueException("Invalid group id " + name);
    }
    return number.intValue();
  }

  /** The primary group of a uid that {@link #uid} accepted. */
  int gidForUid(int uid) {
    return context.users().byUid(uid).map(UserAccount::gid).orElse(-1);
  }

  /** {@code user} or {@code user:group}; the group is -1 when not given. */
  int[] userGroup(String spec) throws InvalidValueException {
    try {
      int colon = spec.indexOf(':');
      if (colon < 0) {
        return new int[] {uid(spec), -1};
      }
      return new int[] {uid(spec.substring(0, colon)), gid(spec.substring(colon + 1))};
    } catch (InvalidValueException e) {
      throw new InvalidValueException("Invalid user:group definition " + spec);
    }
  }

  private static @Nullable Long number(String name) {
    try {
      return ValueTypes.pythonInt(name, 10);
    } catch (InvalidValueException e) {
      return null;
    }
  }

  /** A directory that exists, {@code ~} expanded, as written otherwise (may be relative). */
  String existingDirectory(String value) throws InvalidValueException {
    String expanded = expandUser(value);
    if (!expanded.isEmpty() && Files.isDirectory(resolve(expanded))) {
      return expanded;
    }
    throw new InvalidValueException(value + " is not an existing directory");
  }

  /** A path whose directory exists (a bare file name passes), {@code ~} expanded. */
  String existingDirpath(String value) throws InvalidValueException {
    String expanded = expandUser(value);
    String dir = dirname(expanded);
    if (dir.isEmpty() || Files.isDirectory(resolve(dir))) {
      return expanded;
    }
    throw new InvalidValueException(
        "The directory named as part of the path " + value + " does not exist");
  }

  /** supervisord's {@code normalize_path}: {@code ~} expanded, absolute, normalized. */
  Path normalize(String value) {
    return resolve(expandUser(value));
  }

  /** Absolute and normalized against the working directory (Python's abspath). */
  Path resolve(String path) {
    return context.workingDirectory().resolve(path).normalize();
  }

  /** Python's {@code os.path.expanduser}: {@code ~} and {@code ~user} at the start. */
  String expandUser(String path) {
    if (!path.startsWith("~")) {
      return path;
    }
    int slash = path.indexOf('/', 1);
    int end = slash < 0 ? path.length() : slash;
    Optional<String> home;
    if (end == 1) {
      String env = context.environment().get("HOME");
      home =
          env != null
              ? Optional.of(env)
              : context.users().byUid(context.users().currentUid()).map(UserAccount::home);
    } else {
      home = context.users().byName(path.substring(1, end)).map(UserAccount::home);
    }
    if (home.isEmpty()) {
      return path;
    }
    String h = home.get();
    while (h.endsWith("/")) {
      h = h.substring(0, h.length() - 1);
    }
    String result = h + path.substring(end);
    return result.isEmpty() ? "/" : result;
  }

  /** Python's {@code os.path.dirname}. */
  static String dirname(String path) {
    int cut = path.lastIndexOf('/') + 1;
    String head = path.substring(0, cut);
    if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
      while (head.endsWith("/")) {
        head = head.substring(0, head.length() - 1);
      }
    }
    return head;
  }
}
