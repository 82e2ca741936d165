package dev.tend.cli;

/** One supervisorctl command ({@code do_NAME}), its help text and what completes after it. */
interface Verb {

  /** What the shell completes after the verb (supervisorctl's {@code complete} rules). */
  enum Completes {
    NOTHING,
    VERBS,
    GROUPS,
    PROCESSES
  }

  /** Exactly what supervisorctl's {@code help_NAME} prints; empty when it has no help. */
  String help();

  Completes completes();

  /**
   * Runs the verb.
   *
   * @param arg the rest of the line, stripped
   */
  void run(CtlSession s, String arg);
}
