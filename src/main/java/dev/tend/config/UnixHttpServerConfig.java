package dev.tend.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A {@code [unix_http_server]} section (spec §1.6).
 *
 * @param section the full section name (any name starting with {@code unix_http_server})
 * @param chownUid null = leave the owner as is
 * @param chownGid null = leave the group as is
 * @param auth null = no authentication
 */
public record UnixHttpServerConfig(
    String section,
    Path file,
    int chmod,
    @Nullable Integer chownUid,
    @Nullable Integer chownGid,
    @Nullable HttpAuth auth) {}
