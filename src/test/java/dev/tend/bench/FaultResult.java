package dev.tend.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one fault case found against one supervisor: figures, and expectations it broke. */
final class FaultResult {
  private final Map<String, String> figures = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  /** A figure, in display order ("answered", "12 of 10000"...). */
  FaultResult figure(String name, Object value) {
    figures.put(
        name, value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : value.toString());
    return this;
  }

  /** An expectation: when {@code ok} is false, {@code what} is a failure of the case. */
  FaultResult expect(boolean ok, String what) {
    if (!ok) {
      failures.add(what);
    }
    return this;
  }

  Map<String, String> figures() {
    return figures;
  }

  List<String> failures() {
    return failures;
  }
}
