package dev.tend.api;

/** A running follow of a process log; {@link #close} stops it. */
public interface LogFollow extends AutoCloseable {
  @Override
  void close();
}
