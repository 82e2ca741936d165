package dev.tend.testing;

import dev.tend.platform.UserAccount;
import dev.tend.platform.UserDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-memory passwd: root plus whatever the test adds. */
public final class FakeUsers implements UserDatabase {
  private final List<UserAccount> users = new ArrayList<>();
  private int currentUid;

  public FakeUsers() {
    users.add(new UserAccount("root", 0, 0, "/root", "/bin/sh", List.of(0)));
  }

  public FakeUsers add(UserAccount u) {
    users.add(u);
    return this;
  }

  public FakeUsers runningAs(int uid) {
    currentUid = uid;
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
    return byName(name).map(UserAccount::gid);
  }

  @Override
  public boolean groupExists(int gid) {
    return users.stream().anyMatch(u -> u.gid() == gid);
  }

  @Override
  public int currentUid() {
    return currentUid;
  }
}
