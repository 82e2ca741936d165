package dev.tend.tui.text;

import java.util.Locale;

/**
 * Compact durations for narrow columns: {@code 12s}, {@code 4m07s}, {@code 2h05m}, {@code 3d04h}.
 */
public final class Durations {
  private Durations() {}

  /** Two units (days alone from 100 days on): at most 6 characters up to 2,700 years. */
  public static String compact(long seconds) {
    long s = Math.max(0, seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    if (s < 100 * 86_400) {
      return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }
    return s / 86_400 + "d";
  }

  /** One unit, for "how long ago": {@code 12s}, {@code 5m}, {@code 3h}, {@code 2d}. */
  public static String coarse(long seconds) {
    long s = Math.max(0, seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 86_400) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }

  /** Bytes as {@code 812K}, {@code 12.4M}, {@code 1.2G}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + "B";
    }
    double k = bytes / 1024.0;
    if (k < 1000) {
      return String.format(Locale.ROOT, "%.0fK", k);
    }
    double m = k / 1024;
    if (m < 100) {
      return String.format(Locale.ROOT, "%.1fM", m);
    }
    if (m < 1000) {
      return String.format(Locale.ROOT, "%.0fM", m);
    }
    return String.format(Locale.ROOT, "%.1fG", m / 1024);
  }
}
