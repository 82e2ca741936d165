package dev.tend.config;

import dev.tend.api.PythonInt;
import dev.tend.api.PythonText;
import dev.tend.platform.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * supervisord's value types (supervisor/datatypes.py) that need nothing but the text: what each
 * accepts and the message it rejects with. Types that look at the system are in {@link
 * HostValueTypes}.
 */
final class ValueTypes {
  private ValueTypes() {}

  private static final Set<String> TRUTHY = Set.of("yes", "true", "on", "1");
  private static final Set<String> FALSY = Set.of("no", "false", "off", "0");

  static boolean bool(String s) throws InvalidValueException {
    String lower = s.toLowerCase(Locale.ROOT);
    if (TRUTHY.contains(lower)) {
      return true;
    }
    if (FALSY.contains(lower)) {
      return false;
    }
    throw new InvalidValueException("not a valid boolean value: " + PythonText.repr(s));
  }

  static int integer(String s) throws InvalidValueException {
    long v = pythonInt(s, 10);
    if (v != (int) v) {
      throw new InvalidValueException(s.strip() + " is too large a number");
    }
    return (int) v;
  }

  /** Python's {@code int(s, base)}, its errors as supervisord reports them. */
  static long pythonInt(String s, int base) throws InvalidValueException {
    try {
      return PythonInt.parse(s, base);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(String.valueOf(e.getMessage())); // PythonInt's words
    } catch (ArithmeticException e) {
      throw new InvalidValueException(s.strip() + " is too large a number");
    }
  }

  /** An integer with an optional {@code KB}, {@code MB} or {@code GB} suffix (any case). */
  static long byteSize(String s) throws InvalidValueException {
    String v = s.toLowerCase(Locale.ROOT);
    String tail = v.length() >= 2 ? v.substring(v.length() - 2) : v;
    long multiplier =
        switch (tail) {
          case "kb" -> 1024L;
          case "mb" -> 1024L * 1024;
          case "gb" -> 1024L * 1024 * 1024;
          default -> 1;
        };
    String number = multiplier == 1 ? v : v.substring(0, v.length() - 2);
    long n = pythonInt(number, 10);
    try {
      return Math.multiplyExact(n, multiplier);
    } catch (ArithmeticException e) {
      throw new InvalidValueException(s + " is too large a number");
    }
  }

  static int octal(String s) throws InvalidValueException {
    try {
      long v = pythonInt(s, 8);
      if (v != (int) v) {
        throw new InvalidValueException(s + " is too large a number");
      }
      return (int) v;
    } catch (InvalidValueException e) {
      throw new InvalidValueException(s + " can not be converted to an octal type");
    }
  }

  /**
   * A signal name (with or without {@code SIG}, any case) or number. Like Python's signal module:
   * the Linux signals 1-31, {@code RTMIN} (34) and {@code RTMAX} (64); aliases {@code CLD}, {@code
   * IOT}, {@code POLL}.
   */
  static Signal signal(String s) throws InvalidValueException {
    String stripped = PythonText.strip(s);
    // A name, as nearly every stopsignal is, goes straight to the names: trying int() first cost
    // two exceptions per program at each load.
    int number =
        !stripped.isEmpty() && Character.isLetter(stripped.codePointAt(0))
            ? signalByName(s, stripped)
            : signalNumber(s, stripped);
    if ((number < 1 || number > 31) && number != 34 && number != 64) {
      throw new InvalidValueException(
          "value " + PythonText.repr(s) + " is not a valid signal number");
    }
    return Signal.byNumber(number).orElseThrow();
  }

  private static int signalNumber(String s, String stripped) throws InvalidValueException {
    try {
      long n = pythonInt(s, 10);
      return n == (int) n ? (int) n : -1;
    } catch (InvalidValueException notANumber) {
      return signalByName(s, stripped);
    }
  }

  private static int signalByName(String s, String stripped) throws InvalidValueException {
    String name = stripped.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    int number =
        switch (name) {
          case "RTMIN" -> 34;
          case "RTMAX" -> 64;
          default ->
              // SIG_DFL and friends are handler constants, not signals (supervisord takes them)
              name.startsWith("_")
                  ? -1
                  : Signal.byName("SIG" + name).map(Signal::number).orElse(-1);
        };
    if (number < 0) {
      throw new InvalidValueException(
          "value " + PythonText.repr(s) + " is not a valid signal name");
    }
    return number;
  }

  static List<Integer> exitcodes(String s) throws InvalidValueException {
    List<Integer> codes = new ArrayList<>();
    if (s.isEmpty()) {
      return codes;
    }
    try {
      for (String part : s.split(",", -1)) {
        long code = pythonInt(part, 10);
        if (code < 0 || code > 255) {
          throw new InvalidValueException("Invalid exit code \"" + code + "\"");
        }
        codes.add((int) code);
      }
    } catch (InvalidValueException e) {
      throw new InvalidValueException("not a valid list of exit codes: " + PythonText.repr(s));
    }
    return codes;
  }

  static Autorestart autorestart(String s) throws InvalidValueException {
    String v = s.toLowerCase(Locale.ROOT);
    if (TRUTHY.contains(v)) {
      return Autorestart.TRUE;
    }
    if (FALSY.contains(v)) {
      return Autorestart.FALSE;
    }
    if (v.equals("unexpected")) {
      return Autorestart.UNEXPECTED;
    }
    throw new InvalidValueException("invalid 'autorestart' value " + PythonText.repr(v));
  }

  static LogLevel logLevel(String s) throws InvalidValueException {
    if (!s.equals(PythonText.strip(s))) {
      throw new InvalidValueException("bad logging level name " + PythonText.repr(s));
    }
    return LogLevel.byWord(s)
        .orElseThrow(
            () -> new InvalidValueException("bad logging level name " + PythonText.repr(s)));
  }

  /** A program, group or process name: stripped; no space, colon or slash. */
  static String name(String s) throws InvalidValueException {
    String stripped = PythonText.strip(s);
    for (char c : new char[] {' ', ':', '/'}) {
      if (stripped.indexOf(c) >= 0) {
        throw new InvalidValueException(
            "Invalid name: "
                + PythonText.repr(s)
                + " because of character: "
                + PythonText.repr(String.valueOf(c)));
      }
    }
    return stripped;
  }

  /** Comma-separated, each item stripped; empty text gives an empty list. */
  static List<String> listOfStrings(String s) {
    List<String> items = new ArrayList<>();
    if (!s.isEmpty()) {
      for (String part : s.split(",", -1)) {
        items.add(PythonText.strip(part));
      }
    }
    return items;
  }

  /** An inet port spec: {@code host:port}, {@code :port}, {@code *:port} or {@code port}. */
  record InetAddress(String host, int port) {}

  static InetAddress inetAddress(String s) throws InvalidValueException {
    int colon = s.lastIndexOf(':');
    if (colon >= 0) {
      String port = s.substring(colon + 1);
      if (port.isEmpty()) {
        throw new InvalidValueException("no port number specified in ''");
      }
      String host = s.substring(0, colon).toLowerCase(Locale.ROOT);
      return new InetAddress(host.equals("*") ? "" : host, portNumber(port));
    }
    try {
      return new InetAddress("", portNumber(s));
    } catch (InvalidValueException e) {
      throw new InvalidValueException("not a valid port number: " + PythonText.repr(s) + " ");
    }
  }

  static int portNumber(String s) throws InvalidValueException {
    long port = pythonInt(s, 10);
    if (port < 1) {
      throw new InvalidValueException(port + " is below lower bound (1)");
    }
    if (port > 65535) {
      throw new InvalidValueException(port + " is above upper bound (65535)");
    }
    return (int) port;
  }
}
