package dev.tend.cli;

import org.jspecify.annotations.Nullable;

/**
 * supervisorctl's reading of a name on the command line ({@code split_namespec}): {@code g:p} is
 * process p of group g; {@code g:*} and {@code g:} are the whole group; a bare {@code p} is the
 * process p of the group p.
 *
 * @param process null for a whole group
 */
record Namespec(String group, @Nullable String process) {

  static Namespec parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new Namespec(text, text);
    }
    String process = text.substring(colon + 1);
    return new Namespec(
        text.substring(0, colon), process.isEmpty() || process.equals("*") ? null : process);
  }

  boolean isGroup() {
    return process == null;
  }

  /**
   * {@code make_namespec(group, process)} of this spec; a whole group shows as {@code group:None},
   * as Python prints the missing process name.
   */
  String display() {
    return format(group, process == null ? "None" : process);
  }

  /** {@code make_namespec}: the process alone when it is its group's namesake. */
  static String format(String group, String process) {
    return group.equals(process) ? process : group + ":" + process;
  }
}
