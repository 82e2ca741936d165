package dev.tend.api;

import org.jspecify.annotations.Nullable;

/**
 * A fault as the XML-RPC API reports it: a numeric code and a string that is {@code NAME} or {@code
 * NAME: detail}. Thrown by every {@link SupervisorApi} implementation, local or remote.
 */
public final class FaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String faultString;

  /** A fault from the remote side, whose code may be one supervisord does not define. */
  public FaultException(int code, String faultString) {
    super(faultString);
    this.code = code;
    this.faultString = faultString;
  }

  /** {@code NAME} when detail is empty, else {@code NAME: detail}, as supervisord words it. */
  public FaultException(Fault fault, String detail) {
    this(fault.code(), detail.isEmpty() ? fault.name() : fault.name() + ": " + detail);
  }

  public FaultException(Fault fault) {
    this(fault, "");
  }

  public int code() {
    return code;
  }

  /** The fault's name as an enum, or null when the code is not one of supervisord's. */
  public @Nullable Fault fault() {
    return Fault.ofCode(code);
  }

  public boolean is(Fault f) {
    return code == f.code();
  }

  public String faultString() {
    return faultString;
  }
}
