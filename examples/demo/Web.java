import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The demo's web server: run with `java Web.java [port]`; logs one line per request. */
public class Web {
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8087;
    AtomicLong hits = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          long n = hits.incrementAndGet();
          byte[] body =
              ("hello from tend's demo web server (request " + n + ", " + Instant.now() + ")\n")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
          System.out.println(
              Instant.now() + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
        });
    server.start();
    System.out.println("web: listening on http://127.0.0.1:" + port + "/");
  }
}
