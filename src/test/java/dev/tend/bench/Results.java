package dev.tend.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every repetition's value per row, metric and contender; medians and ratios on demand. */
final class Results {
  // row id -> metric key -> contender -> values in run order; filled by the run thread only
  private final Map<String, Map<String, EnumMap<Contender, List<Double>>>> values =
      new LinkedHashMap<>();
  private final Map<String, List<String>> errors = new LinkedHashMap<>(); // row id -> messages

  void add(Row row, Contender c, Map<String, Double> measured) {
    for (Map.Entry<String, Double> e : measured.entrySet()) {
      values
          .computeIfAbsent(row.id(), k -> new LinkedHashMap<>())
          .computeIfAbsent(e.getKey(), k -> new EnumMap<>(Contender.class))
          .computeIfAbsent(c, k -> new ArrayList<>())
          .add(e.getValue());
    }
  }

  void error(Row row, Contender c, String message) {
    errors.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(c.label() + ": " + message);
  }

  List<Double> values(Row row, Metric m, Contender c) {
    return values
        .getOrDefault(row.id(), Map.of())
        .getOrDefault(m.key(), new EnumMap<>(Contender.class))
        .getOrDefault(c, List.of());
  }

  /** The median of the repetitions, or NaN when there are none. */
  double median(Row row, Metric m, Contender c) {
    return median(values(row, m, c));
  }

  /** tend / supervisord of the medians, or NaN. */
  double ratio(Row row, Metric m) {
    double t = median(row, m, Contender.TEND);
    double s = median(row, m, Contender.SUPERVISORD);
    return s == 0 ? (t == 0 ? 1.0 : Double.NaN) : t / s;
  }

  @Nullable Boolean meets(Row row, Metric m) {
    double t = median(row, m, Contender.TEND);
    return Double.isNaN(t) ? null : m.meets(t, ratio(row, m));
  }

  List<String> errors(Row row) {
    return errors.getOrDefault(row.id(), List.of());
  }

  static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
