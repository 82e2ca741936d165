package dev.tend.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [supervisorctl]} section (spec §1.8), as supervisorctl reads it.
 *
 * @param serverurl {@code http://host[:port]} or {@code unix:///path}
 * @param historyFile null when unset
 */
public record CtlConfig(
    String serverurl,
    @Nullable String username,
    @Nullable String password,
    String prompt,
    @Nullable Path historyFile) {

  public static final String DEFAULT_SERVERURL = "http://localhost:9001";

  /** supervisorctl's built-in defaults, used when no config file exists. */
  public static CtlConfig defaults() {
    return new CtlConfig(DEFAULT_SERVERURL, null, null, "supervisor", null);
  }
}
