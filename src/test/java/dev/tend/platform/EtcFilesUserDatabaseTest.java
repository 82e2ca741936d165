package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcFilesUserDatabaseTest {
  @TempDir Path dir;

  private EtcFilesUserDatabase database() throws Exception {
    Path passwd = dir.resolve("passwd");
    Path group = dir.resolve("group");
    Files.writeString(
        passwd,
        "root:x:0:0:root:/root:/bin/bash\n"
            + "# comment lines and junk are skipped\nbroken:line\n"
            + "www:x:33:33:www:/var/www:/usr/sbin/nologin\n"
            + "root:x:99:99:duplicate:/x:/bin/sh\n");
    Files.writeString(group, "root:x:0:\nwww:x:33:\nadm:x:4:www,other\nlog:x:5:www\n");
    return new EtcFilesUserDatabase(passwd, group, 33);
  }

  @Test
  void usersByNameAndUidWithTheirGroups() throws Exception {
    EtcFilesUserDatabase db = database();
    UserAccount www = db.byName("www").orElseThrow();
    assertEquals(
        new UserAccount("www", 33, 33, "/var/www", "/usr/sbin/nologin", List.of(33, 4, 5)), www);
    assertEquals(Optional.of(www), db.byUid(33));
    assertEquals(0, db.byName("root").orElseThrow().uid(), "the first entry wins");
    assertEquals(Optional.empty(), db.byName("broken"));
    assertEquals(Optional.empty(), db.byUid(1234));
  }

  @Test
  void groups() throws Exception {
    EtcFilesUserDatabase db = database();
    assertEquals(Optional.of(4), db.groupByName("adm"));
    assertTrue(db.groupExists(5));
    assertFalse(db.groupExists(77));
    assertEquals(33, db.currentUid());
  }

  @Test
  void effectiveUidFromProcStatus() throws Exception {
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nUid:\t1000\t0\t0\t0\nGid:\t1\t1\t1\t1\n");
    assertEquals(0, EtcFilesUserDatabase.effectiveUid(status));
    assertEquals(-1, EtcFilesUserDatabase.effectiveUid(dir.resolve("missing")));
  }

  @Test
  void systemDatabaseKnowsRoot() {
    assertEquals(0, EtcFilesUserDatabase.system().byName("root").orElseThrow().uid());
  }
}
