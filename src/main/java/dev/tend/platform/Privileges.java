package dev.tend.platform;

/**
 * Switches this whole process to another user, as supervisord does for {@code [supervisord] user=}:
 * supplementary groups, then gid, then uid (glibc applies each to every thread). Only root can do
 * it, and only before children are spawned.
 */
public final class Privileges {
  private Privileges() {}

  /** Why the switch failed, in supervisord's words. */
  public static final class PrivilegeException extends Exception {
    private static final long serialVersionUID = 1L;

    PrivilegeException(String message) {
      super(message);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
      return java.util.Objects.requireNonNull(super.getMessage());
    }
  }

  /** Does nothing when already that uid; otherwise needs root. */
  public static void dropTo(UserAccount user) throws PrivilegeException {
    int euid = LibC.geteuid();
    if (euid == user.uid()) {
      return;
    }
    if (euid != 0) {
      throw new PrivilegeException("Can't drop privilege as nonroot user");
    }
    int[] groups = user.groups().stream().mapToInt(Integer::intValue).toArray();
    if (LibC.setgroups(groups.length, groups) != 0) {
      throw new PrivilegeException(
          "Could not set groups of effective user: " + Errno.name(LibC.errno()));
    }
    if (LibC.setgid(user.gid()) != 0) {
      throw new PrivilegeException(
          "Could not set group id of effective user: " + Errno.name(LibC.errno()));
    }
    if (LibC.setuid(user.uid()) != 0) {
      throw new PrivilegeException("Could not set user id: " + Errno.name(LibC.errno()));
    }
  }
}
