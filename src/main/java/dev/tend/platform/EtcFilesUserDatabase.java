package dev.tend.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Users and groups from /etc/passwd and /etc/group, in pure Java (no NSS: LDAP or systemd-homed
 * users are not seen; the native database is). Files are read once, at construction.
 */
public final class EtcFilesUserDatabase implements UserDatabase {
  private final Map<String, UserAccount> byName = new LinkedHashMap<>(); // first entry wins
  private final Map<Integer, UserAccount> byUid = new HashMap<>(); // first entry wins
  private final Map<String, Integer> groupIds = new HashMap<>(); // group name to gid
  private final Set<Integer> gids = new java.util.HashSet<>(); // every gid in the group file
  private final int currentUid;

  /**
   * @param passwd a file in passwd(5) format
   * @param group a file in group(5) format
   * @param currentUid the effective uid {@link #currentUid()} reports
   */
  public EtcFilesUserDatabase(Path passwd, Path group, int currentUid) {
    this.currentUid = currentUid;
    Map<String, List<Integer>> memberships = readGroups(lines(group));
    for (String line : lines(passwd)) {
      String[] f = line.split(":", -1);
      if (f.length < 7 || f[0].isEmpty()) {
        continue;
      }
      Integer uid = number(f[2]);
      Integer gid = number(f[3]);
      if (uid == null || gid == null) {
        continue;
      }
      Set<Integer> groups = new LinkedHashSet<>();
      groups.add(gid);
      groups.addAll(memberships.getOrDefault(f[0], List.of()));
      UserAccount account = new UserAccount(f[0], uid, gid, f[5], f[6], new ArrayList<>(groups));
      byName.putIfAbsent(f[0], account);
      byUid.putIfAbsent(uid, account);
    }
  }

  /** The machine's /etc/passwd and /etc/group, and this process's effective uid. */
  public static EtcFilesUserDatabase system() {
    return new EtcFilesUserDatabase(
        Path.of("/etc/passwd"), Path.of("/etc/group"), effectiveUid(Path.of("/proc/self/status")));
  }

  private Map<String, List<Integer>> readGroups(List<String> lines) {
    Map<String, List<Integer>> memberships = new HashMap<>();
    for (String line : lines) {
      String[] f = line.split(":", -1);
      Integer gid = f.length >= 3 ? number(f[2]) : null;
      if (gid == null || f[0].isEmpty()) {
        continue;
      }
      groupIds.putIfAbsent(f[0], gid);
      gids.add(gid);
      if (f.length >= 4 && !f[3].isEmpty()) {
        for (String member : f[3].split(",")) {
          memberships.computeIfAbsent(member.strip(), m -> new ArrayList<>()).add(gid);
        }
      }
    }
    return memberships;
  }

  /** The effective uid from a /proc/PID/status file ({@code Uid: real effective saved fs}). */
  static int effectiveUid(Path status) {
    for (String line : lines(status)) {
      if (line.startsWith("Uid:")) {
        String[] f = line.substring(4).strip().split("\\s+");
        Integer uid = f.length >= 2 ? number(f[1]) : null;
        if (uid != null) {
          return uid;
        }
      }
    }
    return -1;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }

  private static @Nullable Integer number(String s) {
    try {
      long v = Long.parseLong(s.strip());
      return v >= 0 && v <= 0xFFFFFFFFL ? (int) v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public Optional<UserAccount> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public Optional<UserAccount> byUid(int uid) {
    return Optional.ofNullable(byUid.get(uid));
  }

  @Override
  public Optional<Integer> groupByName(String name) {
    return Optional.ofNullable(groupIds.get(name));
  }

  @Override
  public boolean groupExists(int gid) {
    return gids.contains(gid);
  }

  @Override
  public int currentUid() {
    return currentUid;
  }
}
