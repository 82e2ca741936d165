package dev.tend.app;

/**
 * A man page being written in roff's man macros ({@code man 7 man}): text is escaped so that what
 * the tables say comes out as written (a backslash, a leading dot, a dash in an option).
 */
final class Roff {
  private final StringBuilder page = new StringBuilder(); // the page so far, whole lines

  /** The title line: {@code .TH NAME SECTION DATE SOURCE MANUAL}. */
  Roff title(String name, int section, String date, String source, String manual) {
    page.append(".TH ")
        .append(quoted(name.toUpperCase(java.util.Locale.ROOT)))
        .append(' ')
        .append(section)
        .append(' ')
        .append(quoted(date))
        .append(' ')
        .append(quoted(source))
        .append(' ')
        .append(quoted(manual))
        .append('\n');
    return this;
  }

  Roff section(String heading) {
    page.append(".SH ").append(quoted(heading)).append('\n');
    return this;
  }

  Roff subsection(String heading) {
    page.append(".SS ").append(quoted(heading)).append('\n');
    return this;
  }

  /** A paragraph of running text (blank lines in it start new paragraphs). */
  Roff paragraph(String text) {
    page.append(".PP\n");
    for (String line : text.strip().split("\n")) {
      page.append(line.isBlank() ? ".PP" : escapeLine(line.strip())).append('\n');
    }
    return this;
  }

  /** A tagged paragraph: {@code tag} in bold on its own, {@code body} indented below it. */
  Roff tagged(String tag, String body) {
    page.append(".TP\n").append("\\fB").append(escape(tag)).append("\\fR\n");
    page.append(escapeLine(body.strip().replaceAll("\\s*\n\\s*", " "))).append('\n');
    return this;
  }

  /** Text shown as it is, line for line (tabs expanded as a terminal shows them). */
  Roff verbatim(String text) {
    page.append(".PP\n.nf\n");
    for (String line : text.stripTrailing().split("\n")) {
      page.append(escapeLine(expandTabs(line))).append('\n');
    }
    page.append(".fi\n");
    return this;
  }

  @Override
  public String toString() {
    return page.toString();
  }

  /** Escapes what roff would read as markup: backslashes and dashes. */
  static String escape(String text) {
    return text.replace("\\", "\\e").replace("-", "\\-");
  }

  /** A whole line: also a leading dot or quote, which roff reads as a request. */
  static String escapeLine(String line) {
    String e = escape(line);
    return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
  }

  private static String quoted(String arg) {
    return "\"" + escape(arg).replace("\"", "\\(dq") + "\"";
  }

  static String expandTabs(String line) {
    StringBuilder b = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '\t') {
        b.append(" ".repeat(8 - b.length() % 8));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
