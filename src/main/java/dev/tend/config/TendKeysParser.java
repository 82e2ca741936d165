package dev.tend.config;

import dev.tend.api.PythonText;
import dev.tend.config.TendSettings.Backoff;
import dev.tend.config.TendSettings.Health;
import dev.tend.config.TendSettings.HealthAction;
import dev.tend.config.TendSettings.Readiness;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * tend's own keys of a program section (docs/CONFIG.md), read per process like {@code command} (so
 * {@code health_tcp = 127.0.0.1:80%(process_num)02d} gives each process its port). Errors name the
 * key and value with supervisord's {@code in section ...} suffix; a section that sets none of the
 * keys costs one lookup per key.
 */
final class TendKeysParser {
  private TendKeysParser() {}

  static final String DEPENDS_ON = "depends_on";
  private static final List<String> READY_PROBES = List.of("tcp", "http", "command", "log");
  private static final List<String> HEALTH_PROBES = List.of("command", "http", "tcp");

  /** Every tend key of a program section, in the order docs/CONFIG.md lists them. */
  static final List<String> KEYS =
      List.of(
          DEPENDS_ON,
          "ready_tcp",
          "ready_http",
          "ready_command",
          "ready_log",
          "ready_timeout",
          "ready_interval",
          "health_command",
          "health_http",
          "health_tcp",
          "health_interval",
          "health_timeout",
          "health_retries",
          "health_action",
          "backoff",
          "backoff_initial",
          "backoff_max",
          "backoff_reset_after");

  static TendSettings parse(SectionReader r, Map<String, ?> names) {
    if (KEYS.stream().noneMatch(r::has)) {
      return TendSettings.NONE;
    }
    return new TendSettings(
        dependsOn(r, names), readiness(r, names), health(r, names), backoff(r, names));
  }

  private static List<DependencySpec> dependsOn(SectionReader r, Map<String, ?> names) {
    String text = r.attemptOrNull(DEPENDS_ON, () -> r.get(DEPENDS_ON, null, names));
    if (text == null) {
      return List.of();
    }
    Set<DependencySpec> specs = new LinkedHashSet<>();
    for (String item : ValueTypes.listOfStrings(text)) {
      if (!item.isEmpty()) {
        DependencySpec spec = r.attemptOrNull(DEPENDS_ON, () -> DependencySpec.parse(item));
        if (spec != null) {
          specs.add(spec);
        }
      }
    }
    return new ArrayList<>(specs);
  }

  private static @Nullable Readiness readiness(SectionReader r, Map<String, ?> names) {
    Probe probe = probe(r, names, "ready_", READY_PROBES);
    int timeout = atLeast(r, names, "ready_timeout", 60, 1);
    int interval = atLeast(r, names, "ready_interval", 1, 1);
    if (probe == null) {
      noEffectWithout(r, List.of("ready_timeout", "ready_interval"), "ready_", READY_PROBES);
      return null;
    }
    return new Readiness(probe, timeout, interval);
  }

  private static @Nullable Health health(SectionReader r, Map<String, ?> names) {
    Probe probe = probe(r, names, "health_", HEALTH_PROBES);
    int interval = atLeast(r, names, "health_interval", 10, 1);
    int timeout = atLeast(r, names, "health_timeout", 5, 1);
    int retries = atLeast(r, names, "health_retries", 3, 1);
    HealthAction action =
        r.typed("health_action", "restart", names, TendKeysParser::action, HealthAction.RESTART);
    if (probe == null) {
      noEffectWithout(
          r,
          List.of("health_interval", "health_timeout", "health_retries", "health_action"),
          "health_",
          HEALTH_PROBES);
      return null;
    }
    return new Health(probe, interval, timeout, retries, action);
  }

  private static @Nullable Backoff backoff(SectionReader r, Map<String, ?> names) {
    List<String> keys = List.of("backoff", "backoff_initial", "backoff_max", "backoff_reset_after");
    if (keys.stream().noneMatch(r::has)) {
      return null;
    }
    Backoff.Kind kind =
        r.typed("backoff", "linear", names, TendKeysParser::backoffKind, Backoff.Kind.LINEAR);
    int initial = atLeast(r, names, "backoff_initial", 1, 1);
    int max = atLeast(r, names, "backoff_max", 60, 1);
    int resetAfter = atLeast(r, names, "backoff_reset_after", 60, 0);
    if (max < initial) {
      r.error(
          "backoff_max", "backoff_max must be >= backoff_initial (" + initial + "), got " + max);
    }
    return new Backoff(kind, initial, max, resetAfter);
  }

  /** The one probe of a family ({@code ready_} or {@code health_}); two are an error. */
  private static @Nullable Probe probe(
      SectionReader r, Map<String, ?> names, String prefix, List<String> kinds) {
    List<String> given = kinds.stream().map(k -> prefix + k).filter(r::has).toList();
    if (given.isEmpty()) {
      return null;
    }
    if (given.size() > 1) {
      r.error(given.get(1), "only one of " + String.join(", ", given) + " may be set");
      return null;
    }
    String key = given.get(0);
    return r.attemptOrNull(key, () -> probe(key.substring(prefix.length()), r.get(key, "", names)));
  }

  private static Probe probe(String kind, @Nullable String value) throws InvalidValueException {
    String v = PythonText.strip(value == null ? "" : value);
    return switch (kind) {
      case "tcp" -> tcp(v);
      case "http" -> http(v);
      case "command" -> command(v);
      default -> logLine(v);
    };
  }

  static Probe.Tcp tcp(String v) throws InvalidValueException {
    ValueTypes.InetAddress a;
    try {
      a = ValueTypes.inetAddress(v);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(
          "not a valid host:port: " + PythonText.repr(v) + " (" + e.getMessage().strip() + ")");
    }
    String host = a.host();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Probe.Tcp(host.isEmpty() ? "127.0.0.1" : host, a.port());
  }

  static Probe.Http http(String v) throws InvalidValueException {
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("not a valid URL: " + PythonText.repr(v));
    }
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      throw new InvalidValueException(
          "https is not supported, only plain http:// (the probe speaks HTTP/1.1 without TLS): "
              + PythonText.repr(v));
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new InvalidValueException("not an http://host[:port]/path URL: " + PythonText.repr(v));
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Probe.Http(v, host, uri.getPort() < 0 ? 80 : uri.getPort(), path);
  }

  private static Probe.Command command(String v) throws InvalidValueException {
    try {
      CommandLine.split(v);
    } catch (BadCommandException e) {
      throw new InvalidValueException(e.getMessage());
    }
    return new Probe.Command(v);
  }

  private static Probe.LogLine logLine(String v) throws InvalidValueException {
    try {
      Pattern.compile(v);
    } catch (PatternSyntaxException e) {
      throw new InvalidValueException(
          "not a valid regular expression: "
              + PythonText.repr(v)
              + " ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ")");
    }
    if (v.isEmpty()) {
      throw new InvalidValueException("an empty ready_log matches every line; give a pattern");
    }
    return new Probe.LogLine(v);
  }

  /** An integer key of at least {@code min}; its default when absent or wrong (reported). */
  private static int atLeast(SectionReader r, Map<String, ?> names, String key, int dflt, int min) {
    return r.typed(
        key,
        String.valueOf(dflt),
        names,
        s -> {
          int v = ValueTypes.integer(s);
          if (v < min) {
            throw new InvalidValueException(key + " must be >= " + min + ", got " + v);
          }
          return v;
        },
        dflt);
  }

  static HealthAction action(String s) throws InvalidValueException {
    String v = PythonText.strip(s).toLowerCase(Locale.ROOT);
    if (v.equals("restart")) {
      return HealthAction.RESTART;
    }
    if (v.equals("none")) {
      return HealthAction.NONE;
    }
    if (v.startsWith("signal:")) {
      return new HealthAction(
          HealthAction.Kind.SIGNAL, ValueTypes.signal(PythonText.strip(s).substring(7)));
    }
    throw new InvalidValueException(
        "health_action must be restart, signal:NAME or none, got " + PythonText.repr(s));
  }

  private static Backoff.Kind backoffKind(String s) throws InvalidValueException {
    return switch (PythonText.strip(s).toLowerCase(Locale.ROOT)) {
      case "linear" -> Backoff.Kind.LINEAR;
      case "exponential" -> Backoff.Kind.EXPONENTIAL;
      default ->
          throw new InvalidValueException(
              "backoff must be linear or exponential, got " + PythonText.repr(s));
    };
  }

  private static void noEffectWithout(
      SectionReader r, List<String> keys, String prefix, List<String> probes) {
    for (String key : keys) {
      if (r.has(key)) {
        r.warning(
            key,
            "["
                + r.section()
                + "] "
                + key
                + " has no effect without one of "
                + String.join(", ", probes.stream().map(k -> prefix + k).toList()));
      }
    }
  }
}
