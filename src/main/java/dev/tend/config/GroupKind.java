package dev.tend.config;

/** Which kind of section made a group. */
public enum GroupKind {
  /** {@code [program:x]}: a homogeneous group of numprocs processes. */
  PROGRAM,
  /** {@code [group:x]}: processes of several programs. */
  HETEROGENEOUS,
  /** {@code [fcgi-program:x]}. */
  FCGI_PROGRAM,
  /** {@code [eventlistener:x]}: a pool of listener processes. */
  EVENT_LISTENER
}
