package dev.tend.cli;

/** The user pressed Ctrl-C while {@link UserInput#readLine} waited (Python's KeyboardInterrupt). */
public final class UserInterrupt extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInterrupt() {
    super("interrupted", null, false, false);
  }
}
