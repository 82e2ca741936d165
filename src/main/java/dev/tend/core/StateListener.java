package dev.tend.core;

/** Told of every process state change, on the loop thread; must return quickly. */
@FunctionalInterface
public interface StateListener {
  void onStateChange(StateChange change);
}
