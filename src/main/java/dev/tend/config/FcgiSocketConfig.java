package dev.tend.config;

import org.jspecify.annotations.Nullable;

/**
 * The socket of an {@code [fcgi-program:x]} section (spec §1.12).
 *
 * @param url {@code unix:///abs/path} or {@code tcp://host:port}, expanded
 * @param ownerUid null = unchanged
 * @param ownerGid null = unchanged
 */
public record FcgiSocketConfig(
    String url, int backlog, @Nullable Integer ownerUid, @Nullable Integer ownerGid, int mode) {}
