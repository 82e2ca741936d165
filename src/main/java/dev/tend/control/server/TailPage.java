package dev.tend.control.server;

import dev.tend.api.LogStream;

/**
 * The tail page ({@code /tail.html?processname=N[&limit=BYTES][&stream=stderr]}): the end of a
 * process log (at least 1024 bytes, as supervisord's), escaped, with links to reload it, to the
 * other stream, and to supervisord's endless {@code /logtail} stream. With the script it follows
 * the log in place through tend's {@code /tend/follow} stream, from where the page ended.
 */
final class TailPage {
  /** What the page shows. */
  record Model(
      String namespec,
      LogStream stream,
      int limit,
      String text,
      String error,
      String identification,
      String version) {}

  static final int MIN_LIMIT = 1024;
  static final int MAX_LIMIT = 1024 * 1024;

  private TailPage() {}

  static String render(Model m) {
    StringBuilder b = new StringBuilder(m.text().length() + 2048);
    String spec = m.namespec();
    Html.open(b, "tail of " + spec + " (" + m.stream().word() + ")", "tail");
    b.append("<header><h1><a href=\"index.html\">")
        .append(Html.text(m.identification()))
        .append("</a> › ")
        .append(Html.text(spec))
        .append(" <small>")
        .append(m.stream().word())
        .append("</small></h1></header>\n");
    nav(b, m);
    if (!m.error().isEmpty()) {
      b.append("<div id=\"message\" class=\"status_msg error\" role=\"status\">")
          .append(Html.text(m.error()))
          .append("</div>\n");
    }
    b.append("<pre id=\"log\" data-name=\"")
        .append(Html.text(spec))
        .append("\" data-stream=\"")
        .append(m.stream().word())
        .append("\" data-limit=\"")
        .append(m.limit())
        .append("\"")
        .append(m.error().isEmpty() ? "" : " data-error=\"1\"")
        .append('>')
        .append(Html.text(m.text()))
        .append("</pre>\n");
    Html.close(b, m.version());
    return b.toString();
  }

  private static void nav(StringBuilder b, Model m) {
    String q = Html.text(Html.queryValue(m.namespec()));
    String path = Html.text(Html.pathSegment(m.namespec()));
    boolean stderr = m.stream() == LogStream.STDERR;
    String self = "tail.html?processname=" + q + (stderr ? "&amp;stream=stderr" : "");
    b.append("<nav class=\"buttons\">")
        .append("<a class=\"button\" id=\"refresh\" href=\"")
        .append(self)
        .append("&amp;limit=")
        .append(m.limit())
        .append("\">Refresh</a> <a class=\"button\" href=\"")
        .append(self)
        .append("&amp;limit=")
        .append(Math.min(MAX_LIMIT, m.limit() * 4))
        .append("\">More</a> <a class=\"button\" href=\"tail.html?processname=")
        .append(q)
        .append(stderr ? "\">Stdout</a>" : "&amp;stream=stderr\">Stderr</a>")
        .append(" <a class=\"button\" href=\"logtail/")
        .append(path)
        .append(stderr ? "/stderr" : "")
        .append("\" target=\"_blank\" rel=\"noopener\">Tail -f</a>")
        .append(" <span id=\"follow-state\" class=\"follow\" hidden></span></nav>\n");
  }

  /** The limit a query asks for, within [{@value #MIN_LIMIT}, {@value #MAX_LIMIT}]. */
  static int limit(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return MIN_LIMIT;
    }
    return Math.clamp(Long.parseLong(text), MIN_LIMIT, MAX_LIMIT);
  }
}
