package dev.tend.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** tend's own version, from the build. */
final class Version {
  private Version() {}

  static String get() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
