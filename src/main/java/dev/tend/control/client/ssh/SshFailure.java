package dev.tend.control.client.ssh;

import org.jspecify.annotations.Nullable;

/**
 * What went wrong between tend and a server behind ssh, in ssh's words where ssh had any. The
 * message names the host but not the server URL; the client puts the URL in front.
 */
public final class SshFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** What failed, from the user's point of view. */
  public enum Kind {
    /** The ssh command of {@code $TEND_SSH} could not run. */
    SSH_UNAVAILABLE,
    /** The host could not be reached: unknown name, refused, no route, timed out. */
    UNREACHABLE,
    /** The host refused the login (keys, agent, password). */
    AUTH_REFUSED,
    /** The host's key is unknown or changed, and ssh would not go on. */
    HOST_KEY,
    /** ssh had not connected when the connect timeout ran out. */
    TIMED_OUT,
    /** The connection was up and ended (network, server restart). */
    LOST,
    /** The socket does not exist on the host. */
    NO_SUCH_SOCKET,
    /** The socket (or a directory above it) is not open to the ssh user. */
    PERMISSION_DENIED,
    /** The socket exists but nothing listens on it. */
    REFUSED,
    /** {@code ssh://host} found no config naming a server on the host. */
    NO_CONFIG,
    /** Anything else ssh reported. */
    FAILED
  }

  private final Kind kind;
  private final String words;

  /**
   * @param words what ssh (or the far host) said, as it said it; empty when it said nothing
   */
  public SshFailure(Kind kind, String message, String words) {
    super(words.isEmpty() ? message : message + ": " + words);
    this.kind = kind;
    this.words = words;
  }

  public SshFailure(Kind kind, String message, String words, @Nullable Throwable cause) {
    this(kind, message, words);
    if (cause != null) {
      initCause(cause);
    }
  }

  public Kind kind() {
    return kind;
  }

  /** ssh's own words, without tend's. */
  public String words() {
    return words;
  }
}
