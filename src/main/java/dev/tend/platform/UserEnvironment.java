package dev.tend.platform;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment as the user started tend, which is what supervisord's programs inherit and what
 * its {@code %(ENV_x)s} names: tend's own starters change it on the way (bin/tend exports {@code
 * TEND_HOME}, {@code _JAVA_SR_SIGNUM} and {@code TEND_DAEMON_JAVA_OPTS}, and bash, running it,
 * changes {@code SHLVL}, {@code PWD}, {@code OLDPWD} and {@code _}; a detaching parent adds {@code
 * TEND_READY_FD}), and each writes down what it changed in {@value #CHANGES}, which {@link #of}
 * reads to undo them.
 *
 * <p>{@value #CHANGES} holds one line per changed name, the first change of a name being the one
 * kept: {@code NAME=VALUE} when the user had set NAME (to VALUE), {@code NAME} alone when the user
 * had not. In VALUE, {@code %} is written {@code %25} and a newline {@code %0A}. bin/tend writes it
 * too (without a fork), so the two must agree on this format.
 */
public final class UserEnvironment {
  /** The variable that holds what tend's starters changed. */
  public static final String CHANGES = "TEND_ENV_CHANGES";

  private UserEnvironment() {}

  /**
   * {@code environment} with every change written down in {@value #CHANGES} undone, and {@value
   * #CHANGES} itself gone (unless the user had one). Keeps the order of the names that stay.
   */
  public static Map<String, String> of(Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    String changes = env.remove(CHANGES);
    if (changes == null) {
      return env;
    }
    Set<String> undone = new HashSet<>();
    for (String line : changes.split("\n")) {
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq);
      if (name.isEmpty() || !undone.add(name)) {
        continue; // a later line of a name holds a value tend had set, not the user's
      }
      if (eq < 0) {
        env.remove(name);
      } else {
        env.put(name, decode(line.substring(eq + 1)));
      }
    }
    return env;
  }

  /**
   * {@code environment} with {@code name} set to {@code value}, the change written down in {@value
   * #CHANGES} (after any earlier change of the same name, which {@link #of} undoes first).
   */
  public static Map<String, String> changing(
      Map<String, String> environment, String name, String value) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    String changes = env.getOrDefault(CHANGES, "");
    if (!environment.containsKey(CHANGES)) {
      changes = CHANGES + "\n"; // the user had none: it goes too
    }
    String before = env.get(name);
    changes += before == null ? name + "\n" : name + "=" + encode(before) + "\n";
    env.put(CHANGES, changes);
    env.put(name, value);
    return env;
  }

  static String encode(String value) {
    return value.replace("%", "%25").replace("\n", "%0A");
  }

  static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && value.startsWith("25", i + 1)) {
        b.append('%');
        i += 2;
      } else if (c == '%' && value.startsWith("0A", i + 1)) {
        b.append('\n');
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
