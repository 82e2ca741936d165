package dev.tend.control.client.ssh;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one host's ssh connection stands, for a console to show ("connected", "reconnecting since
 * 10:42", "auth refused").
 *
 * @param since when it got into this phase
 * @param failure why, in {@link Phase#FAILED} and {@link Phase#LOST}; else null
 */
public record SshState(Phase phase, Instant since, @Nullable SshFailure failure) {

  /** The life of a connection. A failed or lost one is tried again on the next use. */
  public enum Phase {
    /** Not connected yet: nothing asked for it. */
    IDLE,
    /** ssh runs and has not logged in yet. */
    CONNECTING,
    /** ssh asks the person at the terminal (a passphrase, a host key). */
    PROMPTING,
    /** Logged in; servers on the host can be reached. */
    UP,
    /** The last try to connect failed. */
    FAILED,
    /** It was up and ended. */
    LOST,
    /** tend closed it. */
    CLOSED
  }
}
