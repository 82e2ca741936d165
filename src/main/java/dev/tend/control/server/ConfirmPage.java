package dev.tend.control.server;

/**
 * What supervisord's action links ({@code index.html?processname=web&action=stop}, {@code
 * ?action=stopall}) get from tend: not the action, since a GET must never change anything (any
 * page, link or image could make a visitor's browser send one), but a page that names the action
 * and asks for it by a form that POSTs, with the session's token.
 */
final class ConfirmPage {
  private ConfirmPage() {}

  /** Whether {@code action} is one supervisord's links perform (refresh is not: it only reads). */
  static boolean asks(String action) {
    return WebActions.Verb.of(action) != null
        || action.equals(WebActions.STOPALL)
        || action.equals(WebActions.RESTARTALL);
  }

  static String render(String action, String processname, String token, String version) {
    WebActions.Verb verb = WebActions.Verb.of(action);
    String question;
    String label;
    String value;
    if (verb != null) {
      label = verb.label;
      value = processname;
      question = verb.label + " " + processname + "?";
    } else if (action.equals(WebActions.STOPALL)) {
      label = "Stop All";
      value = "1";
      question = "Stop all programs?";
    } else {
      label = "Restart All";
      value = "1";
      question = "Restart all programs?";
    }
    StringBuilder b = new StringBuilder(2048);
    Html.open(b, question, "confirm");
    b.append("<form id=\"confirm\" class=\"confirm\" method=\"post\" action=\"index.html\">\n")
        .append("<p>")
        .append(Html.text(question))
        .append("</p>\n<input type=\"hidden\" name=\"token\" value=\"")
        .append(Html.text(token))
        .append("\">\n<button name=\"")
        .append(action)
        .append("\" value=\"")
        .append(Html.text(value))
        .append("\">")
        .append(Html.text(label))
        .append("</button> <a class=\"button\" href=\"index.html\">Cancel</a>\n</form>\n");
    Html.close(b, version);
    return b.toString();
  }
}
