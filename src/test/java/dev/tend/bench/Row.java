package dev.tend.bench;

import java.util.List;
import java.util.Map;

/** One line of the table: a scenario run the same way against each contender. */
interface Row {
  /** Short name for {@code --rows}. */
  String id();

  /** What it measures, for the table's heading. */
  String title();

  List<Metric> metrics();

  /**
   * One repetition against {@code contender}: starts what it needs, measures, kills it all
   * (whatever happens). Returns a value for some or all of {@link #metrics()} by key.
   */
  Map<String, Double> measure(Contender contender, RunContext ctx) throws Exception;
}
