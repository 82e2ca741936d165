package dev.tend.control.client.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ssh command lines tend runs, built on the words of {@code $TEND_SSH} (default {@code ssh}),
 * so that users and tests can add options ({@code TEND_SSH="ssh -F /path/to/config"}). Everything
 * else comes from the user's ssh configuration; tend adds only what its private master needs.
 */
public final class SshCommand {
  /** The environment variable that names the ssh command. */
  public static final String VARIABLE = "TEND_SSH";

  private final List<String> words;

  private SshCommand(List<String> words) {
    this.words = List.copyOf(words);
  }

  /**
   * The command of {@code $TEND_SSH}: words split at blanks, with {@code '...'} and {@code "..."}
   * quoting as in a shell (no expansions); {@code ssh} when unset or blank.
   *
   * @throws IllegalArgumentException for an unclosed quote
   */
  public static SshCommand parse(@Nullable String text) {
    List<String> words = split(text == null ? "" : text);
    return new SshCommand(words.isEmpty() ? List.of("ssh") : words);
  }

  public List<String> words() {
    return words;
  }

  /**
   * The master: a private control socket, no session, no forwards of the user's config (they would
   * clash with the user's own sessions), no persistence (it must end with tend). {@code batch}
   * forbids prompts.
   */
  List<String> master(SshTarget target, Path controlPath, boolean batch) {
    List<String> argv = new ArrayList<>(words);
    option(argv, "ControlMaster=yes");
    option(argv, "ControlPath=" + controlPath);
    option(argv, "ControlPersist=no");
    option(argv, "ClearAllForwardings=yes");
    option(argv, "ExitOnForwardFailure=yes");
    if (batch) {
      option(argv, "BatchMode=yes");
    }
    argv.add("-N");
    argv.addAll(target.destination());
    return argv;
  }

  /** A client of the master that adds the forwards {@code locals[i] -> remotes[i]} and exits. */
  List<String> forward(
      SshTarget target, Path controlPath, List<Path> locals, List<RemoteSocket> remotes) {
    List<String> argv = client(controlPath);
    argv.add("-O");
    argv.add("forward");
    for (int i = 0; i < locals.size(); i++) {
      argv.add("-L");
      argv.add(locals.get(i) + ":" + remotes.get(i).forwardTarget());
    }
    argv.addAll(target.destination());
    return argv;
  }

  /** A client of the master that runs {@code command} on the far host (in the login shell). */
  List<String> remote(SshTarget target, Path controlPath, String command) {
    List<String> argv = client(controlPath);
    argv.add("-T");
    argv.addAll(target.destination());
    argv.add(command);
    return argv;
  }

  private List<String> client(Path controlPath) {
    List<String> argv = new ArrayList<>(words);
    option(argv, "ControlMaster=no");
    option(argv, "ControlPath=" + controlPath);
    option(argv, "BatchMode=yes");
    return argv;
  }

  private static void option(List<String> argv, String option) {
    argv.add("-o");
    argv.add(option);
  }

  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(VARIABLE + " has an unclosed " + quote + ": " + text);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  @Override
  public String toString() {
    return String.join(" ", words);
  }
}
