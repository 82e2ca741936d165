package dev.tend.cli;

import dev.tend.api.Fault;
import org.jspecify.annotations.Nullable;

/**
 * The exit statuses supervisorctl returns (LSB init-script conventions, spec §4.5) and its rule for
 * turning a result code into one.
 */
final class Lsb {
  static final int SUCCESS = 0;
  static final int GENERIC = 1;
  static final int INVALID_ARGS = 2;
  static final int UNIMPLEMENTED_FEATURE = 3;
  static final int INSUFFICIENT_PRIVILEGES = 4;
  static final int NOT_INSTALLED = 5;
  static final int NOT_RUNNING = 7;

  /** {@code status} only: a listed process is not running. */
  static final int STATUS_NOT_RUNNING = 3;

  /** {@code status} only: the server or a name is unknown. */
  static final int STATUS_UNKNOWN = 4;

  private Lsb() {}

  /**
   * {@code set_exitstatus_from_xmlrpc_fault}: the status a result code calls for, or -1 when it
   * leaves the status as it is (success, or the code the verb ignores).
   *
   * @param ignored the fault the verb tolerates (ALREADY_STARTED for start), or null
   */
  static int forResult(int code, @Nullable Fault ignored) {
    if (code == Fault.SUCCESS.code() || (ignored != null && code == ignored.code())) {
      return -1;
    }
    if (code == Fault.SPAWN_ERROR.code()
        || code == Fault.ABNORMAL_TERMINATION.code()
        || code == Fault.NOT_RUNNING.code()) {
      return NOT_RUNNING;
    }
    return GENERIC;
  }
}
