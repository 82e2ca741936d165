package dev.tend.control.client.ssh;

import java.util.List;

/**
 * A POSIX {@code sh} script run on the far host over the master, written so that any login shell
 * passes it on unchanged (sh, bash, zsh, csh, fish all read single quotes alike): {@code sh -c
 * 'SCRIPT' NAME 'ARG'...}.
 */
final class RemoteScript {
  private RemoteScript() {}

  static String command(String script, String name, List<String> args) {
    StringBuilder c = new StringBuilder("sh -c ").append(quote(script)).append(' ').append(name);
    for (String a : args) {
      c.append(' ').append(quote(a));
    }
    return c.toString();
  }

  /** {@code 'text'}, each {@code '} written as {@code '\''}. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
