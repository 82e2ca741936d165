package dev.tend.platform;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The system's account database through glibc's reentrant NSS calls (so LDAP or sssd users work as
 * they do for supervisord): getpwnam_r, getpwuid_r, getgrnam_r, getgrgid_r, getgrouplist.
 */
public final class NativeUserDatabase implements UserDatabase {
  // struct passwd and struct group field offsets on LP64 Linux.
  private static final int PW_SIZE = 48;
  private static final int PW_NAME = 0;
  private static final int PW_UID = 16;
  private static final int PW_GID = 20;
  private static final int PW_DIR = 32;
  private static final int PW_SHELL = 40;
  private static final int GR_SIZE = 32;
  private static final int GR_GID = 16;
  private static final int FIRST_BUFFER = 16 * 1024;
  private static final int MAX_BUFFER = 16 * 1024 * 1024;

  /** One reentrant lookup: fills {@code record} using {@code buffer}; returns 0 or an errno. */
  @FunctionalInterface
  private interface Lookup {
    int call(Pointer record, Pointer buffer, long size, Pointer result);
  }

  @Override
  public Optional<UserAccount> byName(String name) {
    try (Memory cname = CStrings.of(name)) {
      return passwd((rec, buf, size, res) -> LibC.getpwnam_r(cname, rec, buf, size, res));
    }
  }

  @Override
  public Optional<UserAccount> byUid(int uid) {
    return passwd((rec, buf, size, res) -> LibC.getpwuid_r(uid, rec, buf, size, res));
  }

  @Override
  public Optional<Integer> groupByName(String name) {
    try (Memory cname = CStrings.of(name)) {
      return Optional.ofNullable(
          lookup(
              GR_SIZE,
              (rec, buf, size, res) -> LibC.getgrnam_r(cname, rec, buf, size, res),
              g -> g.getInt(GR_GID)));
    }
  }

  @Override
  public boolean groupExists(int gid) {
    return lookup(
            GR_SIZE,
            (rec, buf, size, res) -> LibC.getgrgid_r(gid, rec, buf, size, res),
            g -> g.getInt(GR_GID))
        != null;
  }

  @Override
  public int currentUid() {
    return LibC.geteuid();
  }

  private Optional<UserAccount> passwd(Lookup call) {
    return Optional.ofNullable(
        lookup(
            PW_SIZE,
            call,
            pw -> {
              String name = CStrings.read(pw.getPointer(PW_NAME));
              int gid = pw.getInt(PW_GID);
              return new UserAccount(
                  name,
                  pw.getInt(PW_UID),
                  gid,
                  string(pw.getPointer(PW_DIR)),
                  string(pw.getPointer(PW_SHELL)),
                  groupList(name, gid));
            }));
  }

  /** Runs a *_r lookup, growing the buffer on ERANGE; null when there is no such entry. */
  private static <T> @Nullable T lookup(
      int recordSize, Lookup call, java.util.function.Function<Pointer, T> decode) {
    for (long size = FIRST_BUFFER; size <= MAX_BUFFER; size *= 2) {
      try (Memory record = new Memory(recordSize);
          Memory buffer = new Memory(size);
          Memory result = new Memory(com.sun.jna.Native.POINTER_SIZE)) {
        result.setPointer(0, null);
        int rc = call.call(record, buffer, size, result);
        if (rc == Errno.ERANGE) {
          continue;
        }
        Pointer found = result.getPointer(0);
        return rc != 0 || found == null ? null : decode.apply(record);
      }
    }
    return null;
  }

  /** getgrouplist: the primary gid and every group listing the user, as setgroups(2) takes them. */
  private static List<Integer> groupList(String user, int gid) {
    try (Memory cuser = CStrings.of(user)) {
      int[] count = {64};
      for (int attempt = 0; attempt < 8; attempt++) {
        int[] groups = new int[count[0]];
        int asked = count[0];
        if (LibC.getgrouplist(cuser, gid, groups, count) >= 0) {
          List<Integer> list = new ArrayList<>(count[0]);
          for (int i = 0; i < count[0]; i++) {
            list.add(groups[i]);
          }
          return list;
        }
        count[0] = Math.max(count[0], asked * 2);
      }
      return List.of(gid);
    }
  }

  private static String string(@Nullable Pointer p) {
    return p == null ? "" : CStrings.read(p);
  }
}
