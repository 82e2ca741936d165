package dev.tend.bench;

/**
 * One fault scenario of {@code bench/faults}: it starts what it needs (a daemon on a config of its
 * own, clients, signals), inflicts the fault, and reports figures and broken expectations. A new
 * case is a class implementing this, added to {@link Faults#allCases()}.
 */
interface FaultCase {
  /** Short name for {@code --cases}. */
  String id();

  /** What it does, for the report's heading. */
  String title();

  /** Whether the case means something for this supervisor (some are about tend alone). */
  default boolean appliesTo(Contender c) {
    return true;
  }

  /**
   * One run against {@code ctx.contender()}: kills whatever it started, whatever happens. The
   * figures come in display order; expectations that fail are the case's verdict.
   */
  FaultResult run(FaultContext ctx) throws Exception;
}
