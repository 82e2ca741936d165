package dev.tend.core;

import org.jspecify.annotations.Nullable;

/**
 * A parsed name as the API takes it: {@code name} (group and process both {@code name}), {@code
 * group:name}, or {@code group:*} / {@code group:} (the whole group: {@link #process} is null).
 */
record Namespec(String group, @Nullable String process) {

  static Namespec parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new Namespec(text, text);
    }
    String group = text.substring(0, colon);
    String process = text.substring(colon + 1);
    return new Namespec(group, process.isEmpty() || process.equals("*") ? null : process);
  }

  boolean isGroup() {
    return process == null;
  }
}
