package dev.tend.platform;

import java.util.List;

/** A passwd entry plus the groups that list the user, as setgroups(2) needs them. */
public record UserAccount(
    String name, int uid, int gid, String home, String shell, List<Integer> groups) {
  public UserAccount {
    groups = List.copyOf(groups);
  }
}
