package dev.tend.tui.feed;

/** Where background threads post updates for the UI thread; must be thread-safe and not block. */
@FunctionalInterface
public interface EventSink {
  void post(ConsoleEvent event);
}
