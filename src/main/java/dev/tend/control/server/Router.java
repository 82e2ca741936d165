package dev.tend.control.server;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The front door of every listener, in medusa's order: basic auth first when the listener has it
 * (supervisord wraps every handler, pages included), then the path: {@code /RPC2*} (POST only),
 * {@code /logtail/*} and {@code /mainlogtail} (GET only), tend's {@code /tend/follow} (GET), then
 * the web pages when a {@link Route} for them is given ({@code /}, {@code /index.html}, {@code
 * /tail.html}, {@code /ok.html}, {@code /stylesheets/*}, {@code /images/*}); otherwise 404 for GET
 * and HEAD, and 400 for any other method.
 */
final class Router {
  private final Route rpc;
  private final Route logtail;
  private final Route mainLogtail;
  private final Route follow;
  private final @Nullable Route pages;

  Router(Route rpc, Route logtail, Route mainLogtail, Route follow, @Nullable Route pages) {
    this.rpc = rpc;
    this.logtail = logtail;
    this.mainLogtail = mainLogtail;
    this.follow = follow;
    this.pages = pages;
  }

  void serve(Exchange ex) throws IOException, HttpError, InterruptedException {
    BasicAuth auth = ex.listener().auth();
    if (auth != null) {
      switch (auth.check(ex.header("authorization"))) {
        case DENIED -> {
          ex.refuse(HttpStatus.UNAUTHORIZED, "WWW-Authenticate: Basic realm=\"default\"");
          return;
        }
        case MALFORMED -> {
          ex.error(HttpStatus.BAD_REQUEST);
          return;
        }
        case ALLOWED -> {}
      }
    }
    String path = ex.path();
    String method = ex.method();
    Route route = route(path, method);
    if (route != null) {
      route.serve(ex);
    } else if (isKnown(path) || !(method.equals("GET") || method.equals("HEAD"))) {
      ex.error(HttpStatus.BAD_REQUEST); // a known path with a method it does not take, as medusa
    } else {
      ex.error(HttpStatus.NOT_FOUND);
    }
  }

  private @Nullable Route route(String path, String method) {
    if (path.startsWith("/RPC2")) {
      return method.equals("POST") ? rpc : null;
    }
    if (path.startsWith("/mainlogtail")) {
      return method.equals("GET") ? mainLogtail : null;
    }
    if (path.startsWith("/logtail")) {
      return method.equals("GET") ? logtail : null;
    }
    if (path.equals(FollowStream.PATH)) {
      return method.equals("GET") ? follow : null;
    }
    return pages != null && isPage(path) ? pages : null;
  }

  private static boolean isKnown(String path) {
    return path.startsWith("/RPC2")
        || path.startsWith("/mainlogtail")
        || path.startsWith("/logtail")
        || path.equals(FollowStream.PATH);
  }

  /** supervisord's web UI: its pages and their static files. */
  static boolean isPage(String path) {
    return path.equals("/")
        || path.equals("/index.html")
        || path.equals("/tail.html")
        || path.equals("/ok.html")
        || path.startsWith("/stylesheets/")
        || path.startsWith("/images/");
  }
}
