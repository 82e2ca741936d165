package dev.tend.tui.state;

/**
 * What the message line says: an action's result, a fault, a warning. Shown until {@code until}
 * (epoch millis); errors stay longer than news.
 */
public record Message(String text, boolean error, long until) {
  static final long INFO_MILLIS = 6_000;
  static final long ERROR_MILLIS = 20_000;

  /** A message shown from {@code now}: errors stay longer than news. */
  public static Message of(String text, boolean error, long now) {
    return new Message(text, error, now + (error ? ERROR_MILLIS : INFO_MILLIS));
  }
}
