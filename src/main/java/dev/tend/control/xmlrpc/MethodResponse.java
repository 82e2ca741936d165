package dev.tend.control.xmlrpc;

import dev.tend.api.FaultException;

/** A parsed {@code <methodResponse>}: one value, or a fault. */
public sealed interface MethodResponse {

  /** The value, or the fault thrown as the {@link FaultException} every tend API throws. */
  Object valueOrThrow();

  /** {@code <params><param><value>...}: what the method returned. */
  record Success(Object value) implements MethodResponse {
    @Override
    public Object valueOrThrow() {
      return value;
    }
  }

  /** {@code <fault>}: the method refused, with a code and a {@code NAME: detail} string. */
  record Failure(int faultCode, String faultString) implements MethodResponse {
    @Override
    public Object valueOrThrow() {
      throw new FaultException(faultCode, faultString);
    }
  }
}
