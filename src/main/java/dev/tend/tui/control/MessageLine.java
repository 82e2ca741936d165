package dev.tend.tui.control;

/** Where the controller's parts tell the user something: the message line. */
@FunctionalInterface
interface MessageLine {
  /** Shows {@code text} on the message line; an {@code error} is tinted and stays longer. */
  void say(String text, boolean error);
}
