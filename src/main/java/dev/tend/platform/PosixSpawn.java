package dev.tend.platform;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One posix_spawn(3) call as supervisord's fork/exec child would do it: a new process group (or
 * session), an empty signal mask, default dispositions for every catchable signal, the given fds
 * moved to their places and every other fd closed, optionally a new working directory.
 */
final class PosixSpawn {
  private static final @Nullable Function ADD_CHDIR =
      LibC.optional("posix_spawn_file_actions_addchdir_np");
  private static final @Nullable Function ADD_CLOSEFROM =
      LibC.optional("posix_spawn_file_actions_addclosefrom_np");

  private final String executable;
  private final List<String> argv;
  private final List<String> environment;
  private final List<int[]> dups = new ArrayList<>(); // {from, to}, applied in order

  private record Open(int fd, String path, int flags) {}

  private final List<Open> opens = new ArrayList<>(); // applied first, before the dups
  private int firstClosedFd = 3; // fds >= this are closed in the child
  private @Nullable String directory; // chdir before exec, or null
  private boolean newSession; // setsid instead of setpgid(0, 0)
  private boolean listOpenFds = ADD_CLOSEFROM == null; // close fds one by one, not closefrom

  PosixSpawn(String executable, List<String> argv, List<String> environment) {
    this.executable = executable;
    this.argv = argv;
    this.environment = environment;
  }

  /** The child's {@code to} is the parent's {@code from} (dup2 in the child). */
  PosixSpawn move(int from, int to) {
    dups.add(new int[] {from, to});
    firstClosedFd = Math.max(firstClosedFd, to + 1);
    return this;
  }

  /** The child's {@code fd} is {@code path} opened with {@code flags} (mode 0644 if created). */
  PosixSpawn open(int fd, String path, int flags) {
    opens.add(new Open(fd, path, flags));
    firstClosedFd = Math.max(firstClosedFd, fd + 1);
    return this;
  }

  PosixSpawn directory(@Nullable String dir) {
    this.directory = dir;
    return this;
  }

  PosixSpawn newSession() {
    this.newSession = true;
    return this;
  }

  /** Closes each fd listed in /proc/self/fd instead of using closefrom (glibc < 2.34 path). */
  PosixSpawn closingEachOpenFd() {
    this.listOpenFds = true;
    return this;
  }

  static boolean canChdir() {
    return ADD_CHDIR != null;
  }

  /** Spawns; returns the pid. Throws with the errno posix_spawn reported (parent or child side). */
  int start() throws SpawnException {
    try (Memory actions = new Memory(LibC.FILE_ACTIONS_SIZE);
        Memory path = CStrings.of(executable);
        CStrings args = CStrings.vector(argv);
        CStrings env = CStrings.vector(environment)) {
      check("posix_spawn_file_actions_init", LibC.posix_spawn_file_actions_init(actions));
      try {
        configureFileActions(actions);
        Pointer attr = newSession ? Attributes.NEW_SESSION : Attributes.NEW_GROUP;
        int[] pid = new int[1];
        int rc = LibC.posix_spawn(pid, path, actions, attr, args.pointer(), env.pointer());
        if (rc != 0) {
          throw new SpawnException(
              rc, Errno.name(rc), "posix_spawn " + executable + ": " + LibC.describe(rc));
        }
        return pid[0];
      } finally {
        LibC.posix_spawn_file_actions_destroy(actions);
      }
    }
  }

  /**
   * The two sets of spawn attributes, made once: every child gets an empty signal mask and default
   * dispositions, and its own process group or session. posix_spawn only reads them.
   */
  private static final class Attributes {
    static final Memory NEW_GROUP = make(LibC.POSIX_SPAWN_SETPGROUP);
    static final Memory NEW_SESSION = make(LibC.POSIX_SPAWN_SETSID);

    private Attributes() {}

    private static Memory make(short placement) {
      Memory attr = new Memory(LibC.SPAWNATTR_SIZE);
      try (Memory emptyMask = new Memory(LibC.SIGSET_SIZE);
          Memory defaults = new Memory(LibC.SIGSET_SIZE)) {
        check("posix_spawnattr_init", LibC.posix_spawnattr_init(attr));
        LibC.sigemptyset(emptyMask);
        LibC.sigfillset(defaults);
        LibC.sigdelset(defaults, Signal.KILL.number());
        LibC.sigdelset(defaults, Signal.STOP.number());
        // glibc's sigfillset leaves out its internal signals 32 and 33, and its posix_spawn then
        // sets them to SIG_IGN in the child, which survives exec (a forked child, as supervisord's,
        // has them at SIG_DFL). Naming them in sigdefault makes the child reset them; sigaddset
        // refuses them, so set their bits (sig - 1) in the first word directly.
        defaults.setLong(0, defaults.getLong(0) | 1L << 31 | 1L << 32);
        short flags = LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF;
        check(
            "posix_spawnattr_setflags",
            LibC.posix_spawnattr_setflags(attr, (short) (flags | placement)));
        check("posix_spawnattr_setpgroup", LibC.posix_spawnattr_setpgroup(attr, 0));
        check("posix_spawnattr_setsigmask", LibC.posix_spawnattr_setsigmask(attr, emptyMask));
        check("posix_spawnattr_setsigdefault", LibC.posix_spawnattr_setsigdefault(attr, defaults));
      } catch (SpawnException e) {
        throw new IllegalStateException(
            "cannot set up posix_spawn attributes: " + e.getMessage(), e);
      }
      return attr;
    }
  }

  private void configureFileActions(Pointer actions) throws SpawnException {
    for (Open open : opens) {
      try (Memory file = CStrings.of(open.path())) {
        // glibc copies the path into the actions
        check(
            "posix_spawn_file_actions_addopen " + open.path(),
            LibC.posix_spawn_file_actions_addopen(actions, open.fd(), file, open.flags(), 0644));
      }
    }
    for (int[] d : dups) {
      check(
          "posix_spawn_file_actions_adddup2",
          LibC.posix_spawn_file_actions_adddup2(actions, d[0], d[1]));
    }
    if (directory != null) {
      try (Memory dir = CStrings.of(directory)) {
        // glibc copies the path into the actions, so the memory may go now
        check("addchdir_np", addChdir(actions, dir));
      }
    }
    if (!listOpenFds && ADD_CLOSEFROM != null) {
      check("addclosefrom_np", addClosefrom(actions, firstClosedFd));
    } else {
      for (int fd : openFds()) {
        if (fd >= firstClosedFd) {
          check("addclose", LibC.posix_spawn_file_actions_addclose(actions, fd));
        }
      }
    }
  }

  private static int addChdir(Pointer actions, Pointer dir) {
    if (SpawnActionsNp.AVAILABLE) {
      return SpawnActionsNp.posix_spawn_file_actions_addchdir_np(actions, dir);
    }
    if (ADD_CHDIR == null) {
      throw new IllegalStateException("this glibc has no posix_spawn_file_actions_addchdir_np");
    }
    return ADD_CHDIR.invokeInt(new Object[] {actions, dir});
  }

  private static int addClosefrom(Pointer actions, int from) {
    if (SpawnActionsNp.AVAILABLE) {
      return SpawnActionsNp.posix_spawn_file_actions_addclosefrom_np(actions, from);
    }
    return ADD_CLOSEFROM == null ? -1 : ADD_CLOSEFROM.invokeInt(new Object[] {actions, from});
  }

  /** The fds open in this process now (for glibc before 2.34, which lacks closefrom). */
  private static List<Integer> openFds() throws SpawnException {
    List<Integer> fds = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path p : dir) {
        fds.add(Integer.parseInt(p.getFileName().toString()));
      }
    } catch (IOException | NumberFormatException e) {
      throw new SpawnException(Errno.EBADF, "EBADF", "cannot list /proc/self/fd: " + e);
    }
    return fds;
  }

  private static void check(String what, int rc) throws SpawnException {
    if (rc != 0) {
      throw new SpawnException(rc, Errno.name(rc), what + ": " + LibC.describe(rc));
    }
  }
}
