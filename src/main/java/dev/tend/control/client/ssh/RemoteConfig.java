package dev.tend.control.client.ssh;

import org.jspecify.annotations.Nullable;

/**
 * What a config on the far host says about its server, read there the way supervisorctl reads it.
 *
 * @param file the config's path on the far host
 * @param serverUrl {@code unix:///path} or {@code http://host:port}, as the far host sees it
 * @param username from its {@code [supervisorctl]}, or null
 * @param password from its {@code [supervisorctl]}, or null
 */
public record RemoteConfig(
    String file, String serverUrl, @Nullable String username, @Nullable String password) {}
