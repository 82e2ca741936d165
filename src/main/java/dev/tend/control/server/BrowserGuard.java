package dev.tend.control.server;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps web pages of other sites from driving the daemon through a visitor's browser (issue 13): a
 * request a browser marks as cross-site ({@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}), or whose {@code Origin} is not the server's own, is refused with 403. XML-RPC also
 * takes only {@code text/xml} bodies (415 otherwise): a page can send {@code text/plain} and form
 * bodies to any site without asking, but {@code text/xml} only after a CORS preflight, which this
 * server never grants. supervisorctl, Python's xmlrpc.client and tend send {@code text/xml} and no
 * {@code Origin}, so they are unaffected.
 */
final class BrowserGuard {
  /** What a refused cross-site request is told (the 403 page). */
  static final String CROSS_SITE_REFUSED =
      "Refused: a browser sent this request for a page of another site (its Origin or"
          + " Sec-Fetch-Site header says so). This server takes calls from supervisorctl, tend and"
          + " XML-RPC libraries, and from its own pages only.";

  /** What a POST to /RPC2 that is not text/xml is told (the 415 page). */
  static final String NOT_XML_REFUSED =
      "Refused: an XML-RPC request must be sent with Content-Type: text/xml.";

  private BrowserGuard() {}

  /** Why a browser's request is cross-site, or null when it is not (or comes from no browser). */
  static @Nullable String crossSite(Exchange ex) {
    String site = ex.header("sec-fetch-site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return "Sec-Fetch-Site: " + site;
    }
    String origin = ex.header("origin");
    if (origin != null && !sameOrigin(origin, ex.header("host"))) {
      return "Origin: " + origin;
    }
    return null;
  }

  /**
   * Whether {@code origin} ({@code scheme://host[:port]}) names the host the request was sent to.
   */
  static boolean sameOrigin(String origin, @Nullable String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    int sep = o.indexOf("://");
    if (sep < 0) {
      return false; // "null", or not an origin at all
    }
    String scheme = o.substring(0, sep);
    String authority = o.substring(sep + 3);
    String h = host.toLowerCase(Locale.ROOT);
    return withPort(authority, scheme).equals(withPort(h, scheme));
  }

  private static String withPort(String authority, String scheme) {
    boolean hasPort =
        authority.startsWith("[") ? authority.indexOf("]:") > 0 : authority.lastIndexOf(':') > 0;
    if (hasPort) {
      return authority;
    }
    return authority + (scheme.equals("https") ? ":443" : ":80");
  }

  /** Whether the body is declared {@code text/xml} (parameters such as a charset allowed). */
  static boolean xmlBody(Exchange ex) {
    String type = ex.header("content-type");
    if (type == null) {
      return false;
    }
    int semi = type.indexOf(';');
    String media = (semi < 0 ? type : type.substring(0, semi)).strip();
    return media.equalsIgnoreCase("text/xml");
  }
}
