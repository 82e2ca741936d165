package dev.tend.core;

import dev.tend.config.ConfigException;
import dev.tend.config.SupervisorConfig;

/**
 * Reads the config again (reread, update, reload), from the same file and overrides as at start.
 */
@FunctionalInterface
public interface ConfigSource {
  SupervisorConfig load() throws ConfigException;
}
