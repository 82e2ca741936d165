package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing supervisord's page offers is missing from tend's: the real supervisord 4.2.5 and a tend
 * daemon on the same config, each with an {@code [inet_http_server]}; their status pages list the
 * same programs with the same state words, descriptions of stopped programs, and the same actions
 * per program, and the same page-wide buttons.
 */
class WebPageParityIT {
  private static final String PROGRAMS =
      """
      [program:up]
      command=sleep 1000
      startsecs=0
      [program:down]
      command=sleep 1000
      autostart=false
      [program:a]
      command=sleep 1000
      startsecs=0
      [program:b]
      command=sleep 1000
      autostart=false
      [group:grp]
      programs=a,b
      """;

  @TempDir Path dir;

  @Test
  void tendsPageOffersEverythingSupervisordsDoes() throws Exception {
    TestDependency.require("supervisor");
    Page reference;
    try (ReferenceSupervisord sv =
        ReferenceSupervisord.start(dir.resolve("sv"), PROGRAMS, inet(freePort()))) {
      reference = settled(sv, Page::supervisord);
    }
    Page tend;
    try (ReferenceSupervisord td =
        ReferenceSupervisord.startTend(dir.resolve("tend"), PROGRAMS, inet(freePort()))) {
      tend = settled(td, Page::tend);
    }
    assertEquals(reference.rows(), tend.rows());
    assertTrue(tend.buttons().containsAll(reference.buttons()), tend.buttons().toString());
  }

  private static String inet(int port) {
    return "[inet_http_server]\nport=127.0.0.1:" + port + "\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The page once every program is RUNNING or STOPPED. */
  private static Page settled(
      ReferenceSupervisord d, java.util.function.Function<String, Page> read) throws IOException {
    String url = "http://127.0.0.1:" + port(d);
    return Await.value(
        "programs settled",
        java.time.Duration.ofSeconds(30),
        () -> read.apply(fetch(url)),
        p ->
            p.rows().size() == 4
                && p.rows().values().stream()
                    .allMatch(r -> r.startsWith("running") || r.startsWith("stopped")));
  }

  private static int port(ReferenceSupervisord d) throws IOException {
    Matcher m =
        Pattern.compile("port=127\\.0\\.0\\.1:(\\d+)")
            .matcher(java.nio.file.Files.readString(d.conf));
    assertTrue(m.find());
    return Integer.parseInt(m.group(1));
  }

  private static String fetch(String url) {
    try (RawHttp http = RawHttp.to(url)) {
      http.send(RawHttp.get("/index.html"));
      return http.read().text();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * A status page reduced to what it offers: per program its state word, its description when
   * stopped, and its action labels; the page-wide buttons.
   */
  record Page(Map<String, String> rows, List<String> buttons) {
    static Page supervisord(String html) {
      Map<String, String> rows = new TreeMap<>();
      Matcher tr = Pattern.compile("(?s)<tr class=\"[a-z]*\">(.*?)</tr>").matcher(html);
      while (tr.find()) {
        String row = tr.group(1);
        String name = first(row, "tail\\.html\\?processname=[^\"]*\" target=\"_blank\">([^<]*)<");
        String state = first(row, "<span class=\"status[a-z]*\">([^<]*)<");
        String desc = first(row, "<td><span>([^<]*)</span></td>");
        rows.put(
            name,
            state
                + " "
                + (state.equals("running") ? "" : desc)
                + all(
                    row, "<a href=\"[^\"#]*\" name=\"[^\"]*\"(?: target=\"_blank\")?>([^<]*)</a>"));
      }
      return new Page(rows, all(html, "<li class=\"action-button\"><a [^>]*>([^<]*)</a>"));
    }

    static Page tend(String html) {
      Map<String, String> rows = new TreeMap<>();
      Matcher tr = Pattern.compile("(?s)<tr class=\"proc\"(.*?)</tr>").matcher(html);
      while (tr.find()) {
        String row = tr.group(1);
        String name = first(row, "data-name=\"([^\"]*)\"");
        String state = first(row, "<span class=\"status[a-z]*\">([^<]*)<");
        String desc = first(row, "<td class=\"desc\"[^>]*>([^<]*)</td>");
        rows.put(
            name,
            state
                + " "
                + (state.equals("running") ? "" : desc)
                + all(
                    row,
                    "<(?:button name=\"[a-z]*\" value=\"[^\"]*\"|a href=\"logtail/[^\"]*\"[^>]*)>([^<]*)</"));
      }
      List<String> buttons =
          all(html, "<div class=\"buttons\">.*?</div>").isEmpty()
              ? List.of()
              : all(first(html, "(?s)<div class=\"buttons\">(.*?)</div>"), ">([^<]+)</");
      return new Page(rows, buttons);
    }

    private static String first(String text, String regex) {
      Matcher m = Pattern.compile(regex).matcher(text);
      return m.find() ? m.group(1) : "";
    }

    private static List<String> all(String text, String regex) {
      List<String> out = new ArrayList<>();
      Matcher m = Pattern.compile(regex).matcher(text);
      while (m.find()) {
        out.add(m.groupCount() > 0 ? m.group(1) : m.group());
      }
      return out;
    }
  }
}
