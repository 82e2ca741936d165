package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NSS lookups against this machine's /etc/passwd and /etc/group. */
class NativeUserDatabaseIT {
  private final NativeUserDatabase users = new NativeUserDatabase();

  @Test
  void findsRootByNameAndByUidWithItsGroups() throws Exception {
    UserAccount root = users.byName("root").orElseThrow();
    assertEquals(0, root.uid());
    assertEquals(0, root.gid());
    assertTrue(root.groups().contains(0), "getgrouplist includes the primary group");
    String passwdLine =
        Files.readAllLines(Path.of("/etc/passwd")).stream()
            .filter(l -> l.startsWith("root:"))
            .findFirst()
            .orElseThrow();
    String[] f = passwdLine.split(":");
    assertEquals(f[5], root.home());
    assertEquals(f[6], root.shell());
    assertEquals(Optional.of(root), users.byUid(0));
  }

  @Test
  void unknownNamesAndIdsAreEmpty() {
    assertEquals(Optional.empty(), users.byName("no-such-user-xyz"));
    assertEquals(Optional.empty(), users.byUid(3_999_999));
    assertEquals(Optional.empty(), users.groupByName("no-such-group-xyz"));
    assertFalse(users.groupExists(3_999_999));
  }

  @Test
  void findsGroupsAndTheCurrentUid() {
    assertEquals(Optional.of(0), users.groupByName("root"));
    assertTrue(users.groupExists(0));
    assertEquals(LibC.geteuid(), users.currentUid());
  }
}
