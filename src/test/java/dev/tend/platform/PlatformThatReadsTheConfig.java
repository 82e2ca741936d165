package dev.tend.platform;

import dev.tend.config.ConfigException;

/** Test fixture: platform code that depends upward on config, which the layering rules reject. */
public final class PlatformThatReadsTheConfig {
  public Class<?> upward() {
    return ConfigException.class;
  }
}
