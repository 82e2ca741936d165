package dev.tend.bench;

import org.jspecify.annotations.Nullable;

/**
 * One figure a row reports for each contender. {@code target} is the goal for the ratio
 * tend/supervisord (a ceiling when lower is better, a floor when higher is), or null when the
 * figure has no ratio goal; {@code absolute} is a goal on tend's own value (bytes lost must be 0).
 */
record Metric(
    String key,
    String label,
    String unit,
    boolean higherIsBetter,
    @Nullable Double target,
    @Nullable Double absolute) {

  static Metric lower(String key, String label, String unit, @Nullable Double target) {
    return new Metric(key, label, unit, false, target, null);
  }

  static Metric higher(String key, String label, String unit, @Nullable Double target) {
    return new Metric(key, label, unit, true, target, null);
  }

  /** A figure whose goal is tend's own value being at most {@code max}. */
  static Metric atMost(String key, String label, String unit, double max) {
    return new Metric(key, label, unit, false, null, max);
  }

  /** Whether the ratio (and tend's own value) meets the goal; null when there is no goal. */
  @Nullable Boolean meets(double tend, double ratio) {
    if (absolute != null) {
      return tend <= absolute;
    }
    if (target == null || Double.isNaN(ratio)) {
      return null;
    }
    return higherIsBetter ? ratio >= target : ratio <= target;
  }

  String goal() {
    if (absolute != null) {
      return "tend ≤ " + Report.number(absolute);
    }
    if (target == null) {
      return "";
    }
    return (higherIsBetter ? "≥ " : "≤ ") + Report.number(target);
  }
}
