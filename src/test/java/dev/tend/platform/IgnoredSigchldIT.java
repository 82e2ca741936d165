package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** A daemon started with SIGCHLD ignored still gets its children's exit statuses. */
class IgnoredSigchldIT {
  @Test
  void launcherUndoesAnInheritedSigchldIgnore() throws Exception {
    LibC.geteuid(); // loading JNA resets an ignored SIGCHLD itself (observed): load it first
    Class<?> signalClass = Class.forName("sun.misc.Signal");
    Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
    Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
    Object chld = signalClass.getConstructor(String.class).newInstance("CHLD");
    handle.invoke(null, chld, handlerClass.getField("SIG_IGN").get(null));
    try {
      assertTrue(SignalWatcher.ignored(Signal.CHLD));
      try (NativeProcessLauncher launcher = NativeProcessLauncher.open()) {
        assertFalse(SignalWatcher.ignored(Signal.CHLD));
        assertEquals(
            ExitStatus.exited(4), ChildRun.of("sh", "-c", "exit 4").start(launcher).awaitExit());
      }
    } finally {
      handle.invoke(null, chld, handlerClass.getField("SIG_DFL").get(null));
    }
  }
}
