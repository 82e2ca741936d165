package dev.tend.control.client;

import dev.tend.api.FaultException;
import org.jspecify.annotations.Nullable;

/** The outcome of one call in a multicall batch: a value, or the fault that call raised. */
public final class CallResult {
  private final @Nullable Object value;
  private final @Nullable FaultException fault;

  private CallResult(@Nullable Object value, @Nullable FaultException fault) {
    this.value = value;
    this.fault = fault;
  }

  static CallResult ofValue(Object value) {
    return new CallResult(value, null);
  }

  static CallResult ofFault(int code, String faultString) {
    return new CallResult(null, new FaultException(code, faultString));
  }

  public boolean isFault() {
    return fault != null;
  }

  /** The value; throws the call's fault (a fresh copy, so each throw has its own stack). */
  public Object value() {
    if (fault != null) {
      throw new FaultException(fault.code(), fault.faultString());
    }
    if (value == null) {
      throw new IllegalStateException("a result holds a value or a fault");
    }
    return value;
  }

  /** The fault, or null when the call succeeded. */
  public @Nullable FaultException fault() {
    return fault;
  }

  @Override
  public String toString() {
    return fault != null ? "fault " + fault.code() + " " + fault.faultString() : "value " + value;
  }
}
