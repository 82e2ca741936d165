package dev.tend.bench;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The results as a table for people and as JSON for tools. */
final class Report {
  private Report() {}

  static String table(List<Row> rows, Results r, String header) {
    StringBuilder s = new StringBuilder(header).append('\n');
    String fmt = "%-44s %12s %12s %8s %8s  %s%n";
    s.append(
        String.format(
            Locale.ROOT, fmt, "row / figure", "tend", "supervisord", "ratio", "goal", ""));
    for (Row row : rows) {
      s.append(row.id()).append(": ").append(row.title()).append('\n');
      for (Metric m : row.metrics()) {
        double t = r.median(row, m, Contender.TEND);
        double sd = r.median(row, m, Contender.SUPERVISORD);
        if (Double.isNaN(t) && Double.isNaN(sd)) {
          continue;
        }
        @Nullable Boolean ok = r.meets(row, m);
        String verdict = ok == null ? "" : ok ? "met" : "MISSED";
        s.append(
            String.format(
                Locale.ROOT,
                fmt,
                "  " + m.label() + " (" + m.unit() + ")",
                number(t),
                number(sd),
                number(r.ratio(row, m)),
                m.goal(),
                verdict));
      }
      for (String e : r.errors(row)) {
        s.append("  ! ").append(e).append('\n');
      }
    }
    return s.toString();
  }

  /** Three significant figures, plain; "-" for NaN. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  static String json(List<Row> rows, Results r, String machine, int reps, boolean quick) {
    StringBuilder s = new StringBuilder("{\n");
    s.append("  \"machine\": ").append(quote(machine)).append(",\n");
    s.append("  \"repetitions\": ").append(reps).append(",\n");
    s.append("  \"quick\": ").append(quick).append(",\n  \"rows\": [");
    String rowSep = "\n";
    for (Row row : rows) {
      s.append(rowSep).append("    {\"id\": ").append(quote(row.id()));
      s.append(", \"title\": ").append(quote(row.title())).append(", \"metrics\": [");
      String sep = "\n";
      for (Metric m : row.metrics()) {
        s.append(sep).append("      {\"key\": ").append(quote(m.key()));
        s.append(", \"label\": ").append(quote(m.label()));
        s.append(", \"unit\": ").append(quote(m.unit()));
        s.append(", \"goal\": ").append(quote(m.goal()));
        for (Contender c : Contender.values()) {
          s.append(", ").append(quote(c.label())).append(": {\"median\": ");
          s.append(jsonNumber(r.median(row, m, c))).append(", \"values\": [");
          List<Double> vs = r.values(row, m, c);
          for (int i = 0; i < vs.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(jsonNumber(vs.get(i)));
          }
          s.append("]}");
        }
        s.append(", \"ratio\": ").append(jsonNumber(r.ratio(row, m)));
        @Nullable Boolean ok = r.meets(row, m);
        s.append(", \"met\": ").append(ok == null ? "null" : ok.toString()).append('}');
        sep = ",\n";
      }
      s.append("\n    ], \"errors\": [");
      List<String> errors = r.errors(row);
      for (int i = 0; i < errors.size(); i++) {
        s.append(i == 0 ? "" : ", ").append(quote(errors.get(i)));
      }
      s.append("]}");
      rowSep = ",\n";
    }
    return s.append("\n  ]\n}\n").toString();
  }

  private static String jsonNumber(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
  }

  private static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        default -> {
          if (ch < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
