package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.config.TendSettings.Backoff;
import dev.tend.config.TendSettings.Health;
import dev.tend.config.TendSettings.Readiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/CONFIG.md's table of keys says what the parser does: the same keys, in the parser's order,
 * and the defaults the parser uses.
 */
class ConfigDocTest {
  private static final Path DOC = Path.of("docs/CONFIG.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| [^|]+ \\| ([^|]+) \\|");

  @TempDir Path dir;

  /** key -> default column, in the table's order. */
  private static Map<String, String> table() throws Exception {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean inKeys = false;
    for (String line : Files.readAllLines(DOC)) {
      inKeys = line.startsWith("## ") ? line.equals("## The keys") : inKeys;
      Matcher m = ROW.matcher(line);
      if (inKeys && m.find()) {
        rows.put(m.group(1), m.group(2).strip());
      }
    }
    return rows;
  }

  @Test
  void theTableListsEveryKeyTheParserReadsInItsOrder() throws Exception {
    List<String> expected = new ArrayList<>(TendKeysParser.KEYS);
    expected.add(TendEvents.KEY);
    assertEquals(expected, List.copyOf(table().keySet()));
  }

  @Test
  void theDefaultsAreTheParsersDefaults() throws Exception {
    TendSettings t =
        new ConfigFiles(dir).program("ready_tcp=1\nhealth_tcp=1\nbackoff=exponential").tend();
    Readiness r = Objects.requireNonNull(t.readiness());
    Health h = Objects.requireNonNull(t.health());
    Backoff b = Objects.requireNonNull(t.backoff());
    Backoff kind =
        Objects.requireNonNull(new ConfigFiles(dir).program("backoff_max=9").tend().backoff());
    Map<String, String> parsed = new LinkedHashMap<>();
    parsed.put("ready_timeout", Integer.toString(r.timeoutSecs()));
    parsed.put("ready_interval", Integer.toString(r.intervalSecs()));
    parsed.put("health_interval", Integer.toString(h.intervalSecs()));
    parsed.put("health_timeout", Integer.toString(h.timeoutSecs()));
    parsed.put("health_retries", Integer.toString(h.retries()));
    parsed.put("health_action", h.action().toString());
    parsed.put("backoff", kind.kind().name().toLowerCase(Locale.ROOT));
    parsed.put("backoff_initial", Integer.toString(b.initialSecs()));
    parsed.put("backoff_max", Integer.toString(b.maxSecs()));
    parsed.put("backoff_reset_after", Integer.toString(b.resetAfterSecs()));
    Map<String, String> documented = new LinkedHashMap<>(table());
    documented.keySet().retainAll(parsed.keySet());
    assertEquals(parsed, documented);
  }
}
