package dev.tend.control.server;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps web pages of other sites from driving the daemon through a visitor's browser (issue 13): a
 * request a browser marks as cross-site ({@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}), or whose {@code Origin} is not the server's own, or that a browser sent to a
 * loopback listener under a name that is not a loopback one (DNS rebinding), is refused with 403.
 * XML-RPC also takes only {@code text/xml} bodies (415 otherwise): a page can send {@code
 * text/plain} and form bodies to any site without asking, but {@code text/xml} only after a CORS
 * preflight, which this server never grants. supervisorctl, Python's xmlrpc.client and tend send
 * {@code text/xml} and no {@code Origin}, so they are unaffected.
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
    // DNS rebinding: a page whose name now resolves to 127.0.0.1 is same-origin with itself, so
    // only the name it used tells. Browsers only: scripts may name a loopback listener as they
    // like.
    boolean browser = site != null || origin != null;
    if (browser && rebound(ex.listener().url(), ex.header("host"))) {
      return "Host: " + ex.header("host") + " for a loopback listener";
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

  /**
   * Whether a request to a listener on a loopback address names another host: a page of some site
   * whose name was made to resolve to 127.0.0.1 (DNS rebinding) would be same-origin with itself,
   * pass every other check, and read and post the page. Such a listener is reached by a loopback
   * address or {@code localhost} only. A listener on other addresses is reached by any name.
   */
  static boolean rebound(String listenerUrl, @Nullable String host) {
    if (!listenerUrl.startsWith("http://")) {
      return false; // a unix socket: no browser reaches it by a name
    }
    String listening = hostName(listenerUrl.substring("http://".length()));
    return loopback(listening) && (host == null || !loopback(hostName(host)));
  }

  private static String hostName(String authority) {
    String a = authority.strip().toLowerCase(java.util.Locale.ROOT);
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end < 0 ? a : a.substring(1, end);
    }
    int colon = a.lastIndexOf(':');
    return colon < 0 ? a : a.substring(0, colon);
  }

  private static boolean loopback(String name) {
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || name.equals("::1")
        || (name.startsWith("127.")
            && name.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
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
