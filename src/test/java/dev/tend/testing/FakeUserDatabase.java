package dev.tend.testing;

import dev.tend.platform.UserAccount;
import dev.tend.platform.UserDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A user database held in memory: root, nobody and whatever a test adds. */
public final class FakeUserDatabase implements UserDatabase {
  private final List<UserAccount> users = new ArrayList<>(); // in the order added
  private final Map<String, Integer> groups = new LinkedHashMap<>(); // group name to gid
  private final int currentUid;

  public FakeUserDatabase(int currentUid) {
    this.currentUid = currentUid;
    addUser(new UserAccount("root", 0, 0, "/root", "/bin/bash", List.of(0)));
    addUser(new UserAccount("nobody", 65534, 65534, "/nonexistent", "/bin/false", List.of(65534)));
    addGroup("root", 0);
    addGroup("nogroup", 65534);
  }

  /** root's view: uid 0. */
  public FakeUserDatabase() {
    this(0);
  }

  public FakeUserDatabase addUser(UserAccount account) {
    users.add(account);
    return this;
  }

  public FakeUserDatabase addGroup(String name, int gid) {
    groups.put(name, gid);
    return this;
  }

  @Override
  public Optional<UserAccount> byName(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  @Override
  public Optional<UserAccount> byUid(int uid) {
    return users.stream().filter(u -> u.uid() == uid).findFirst();
  }

  @Override
  public Optional<Integer> groupByName(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  @Override
  public boolean groupExists(int gid) {
    return groups.containsValue(gid);
  }

  @Override
  public int currentUid() {
    return currentUid;
  }
}
