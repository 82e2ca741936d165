package dev.tend.config;

import org.jspecify.annotations.Nullable;

/**
 * One name of a {@code depends_on} list: a program ({@code broker}, every process of {@code
 * [program:broker]} wherever it is grouped), one process ({@code db:primary}), or a whole group
 * ({@code db:*}).
 *
 * @param group the group, null for a program name
 * @param name the program or process name; null for a whole group
 */
public record DependencySpec(@Nullable String group, @Nullable String name) {

  /** Parses one item; names follow supervisord's rule (no space, colon or slash). */
  static DependencySpec parse(String text) throws InvalidValueException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new DependencySpec(null, ValueTypes.name(text));
    }
    String group = ValueTypes.name(text.substring(0, colon));
    String rest = text.substring(colon + 1);
    if (group.isEmpty()) {
      throw new InvalidValueException("no group before ':' in " + text);
    }
    return new DependencySpec(
        group, rest.equals("*") || rest.isEmpty() ? null : ValueTypes.name(rest));
  }

  /** Whether the process {@code process} of group {@code groupName} is one this names. */
  public boolean matches(String groupName, ProcessConfig process) {
    if (group == null) {
      return process.programName().equals(name);
    }
    return group.equals(groupName) && (name == null || name.equals(process.name()));
  }

  @Override
  public String toString() {
    if (group == null) {
      return String.valueOf(name);
    }
    return group + ":" + (name == null ? "*" : name);
  }
}
