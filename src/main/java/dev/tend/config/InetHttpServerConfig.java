package dev.tend.config;

import org.jspecify.annotations.Nullable;

/**
 * An {@code [inet_http_server]} section (spec §1.7).
 *
 * @param host lower-cased; empty means every interface
 * @param auth null = no authentication
 */
public record InetHttpServerConfig(
    String section, String host, int port, @Nullable HttpAuth auth) {}
