package dev.tend.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * tend's own version and the commit it was built from (both written into {@code version.properties}
 * by the build; the commit only when bin/tend, bin/test or bin/release built it, else "unknown"),
 * and the Java runtime this process runs on.
 */
final class Version {
  private static final Properties BUILD = read();

  private Version() {}

  /** The project's version, such as {@code 0.1.0}. */
  static String get() {
    return BUILD.getProperty("version", "unknown");
  }

  /** {@code git describe --always --dirty} of the build, or "unknown". */
  static String commit() {
    String c = BUILD.getProperty("commit", "");
    return c.isBlank() || c.startsWith("${") ? "unknown" : c;
  }

  /**
   * What {@code tend --version} prints: the version and commit, then the runtime (its version,
   * vendor and where it is: a release's own jlink image, or the JDK a checkout runs on).
   */
  static String describe() {
    return "tend "
        + get()
        + " (commit "
        + commit()
        + ")\nruntime: Java "
        + System.getProperty("java.runtime.version", Runtime.version().toString())
        + ", "
        + System.getProperty("java.vm.name", "unknown VM")
        + " ("
        + System.getProperty("java.vendor", "unknown vendor")
        + ") in "
        + System.getProperty("java.home", "?")
        + "\n";
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a jar without its version file says "unknown"
    }
    return p;
  }
}
