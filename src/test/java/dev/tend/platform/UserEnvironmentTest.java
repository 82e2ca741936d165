package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserEnvironmentTest {
  private static Map<String, String> env(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void withoutChangesTheEnvironmentIsTheUsers() {
    assertEquals(
        env("PATH", "/bin", "HOME", "/root"),
        UserEnvironment.of(env("PATH", "/bin", "HOME", "/root")));
  }

  @Test
  void namesTheLauncherAddedGoAndTheUsersOwnValuesComeBack() {
    Map<String, String> started =
        env(
            "PATH",
            "/bin",
            "TEND_HOME",
            "/opt/tend",
            "_JAVA_SR_SIGNUM",
            "39",
            "SHLVL",
            "0",
            UserEnvironment.CHANGES,
            "TEND_ENV_CHANGES\nTEND_HOME=/home/me/tend\n_JAVA_SR_SIGNUM\nSHLVL\n");
    assertEquals(env("PATH", "/bin", "TEND_HOME", "/home/me/tend"), UserEnvironment.of(started));
  }

  @Test
  void valuesWithPercentAndNewlineComeBackExactly() {
    String odd = "50% off\nsecond line %0A literal";
    Map<String, String> changed = UserEnvironment.changing(env("X", odd), "X", "tend's");
    assertEquals("tend's", changed.get("X"));
    assertEquals(env("X", odd), UserEnvironment.of(changed));
  }

  @Test
  void theFirstChangeOfANameHoldsTheUsersValue() {
    // bin/tend set TEND_READY_FD over the user's 7; then a detaching parent set it again
    Map<String, String> launched =
        env("TEND_READY_FD", "5", UserEnvironment.CHANGES, "TEND_ENV_CHANGES\nTEND_READY_FD=7\n");
    Map<String, String> detached = UserEnvironment.changing(launched, "TEND_READY_FD", "3");
    assertEquals("3", detached.get("TEND_READY_FD"));
    assertEquals(env("TEND_READY_FD", "7"), UserEnvironment.of(detached));
  }

  @Test
  void aChangeWithoutALauncherNoteStillLeavesNoTrace() {
    Map<String, String> detached = UserEnvironment.changing(env("A", "1"), "TEND_READY_FD", "3");
    assertEquals(
        List.of("A", UserEnvironment.CHANGES, "TEND_READY_FD"), List.copyOf(detached.keySet()));
    assertEquals(env("A", "1"), UserEnvironment.of(detached));
  }

  @Test
  void aUsersOwnChangesVariableSurvivesTheLaunchersNote() {
    Map<String, String> started =
        env(
            UserEnvironment.CHANGES,
            "TEND_ENV_CHANGES=mine\nTEND_HOME\n",
            "TEND_HOME",
            "/opt/tend");
    assertEquals(env(UserEnvironment.CHANGES, "mine"), UserEnvironment.of(started));
  }
}
