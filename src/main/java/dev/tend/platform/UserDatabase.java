package dev.tend.platform;

import java.util.Optional;

/** The system's users and groups (getpwnam, getpwuid, getgrnam, getgrouplist). */
public interface UserDatabase {

  Optional<UserAccount> byName(String name);

  Optional<UserAccount> byUid(int uid);

  /** A group id by name. */
  Optional<Integer> groupByName(String name);

  /** Whether a group with this id exists. */
  boolean groupExists(int gid);

  /** The effective uid of this process. */
  int currentUid();
}
