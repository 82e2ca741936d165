package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.platform.UserAccount;
import dev.tend.testing.FakeUserDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types that look at the system: users, groups, directories, {@code ~}. */
class HostValueTypesTest {
  @TempDir Path dir;

  private HostValueTypes host(Map<String, String> env) {
    FakeUserDatabase users = new FakeUserDatabase(1000);
    users.addUser(new UserAccount("web", 1000, 1000, "/srv/web/", "/bin/sh", List.of(1000)));
    users.addGroup("www", 33);
    return new HostValueTypes(new ConfigContext(env, "h", users, dir, dir));
  }

  private static String failure(SectionReader.Step<?> step) {
    return assertThrows(InvalidValueException.class, step::run).getMessage();
  }

  @Test
  void expandUserLikePython() {
    HostValueTypes h = host(Map.of("HOME", "/home/me/"));
    assertEquals("/home/me/x", h.expandUser("~/x"));
    assertEquals("/home/me", h.expandUser("~"));
    assertEquals("/srv/web/logs", h.expandUser("~web/logs"));
    assertEquals("~ghost/x", h.expandUser("~ghost/x"));
    assertEquals("a/~/b", h.expandUser("a/~/b"));
    assertEquals("/srv/web/x", host(Map.of()).expandUser("~/x"), "no HOME: the user's entry");
  }

  @Test
  void usersAndGroups() throws Exception {
    HostValueTypes h = host(Map.of());
    assertEquals(1000, h.uid("web"));
    assertEquals(0, h.uid("0"));
    assertEquals("Invalid user name ghost", failure(() -> h.uid("ghost")));
    assertEquals("Invalid user id 4242", failure(() -> h.uid("4242")));
    assertArrayEquals(new int[] {1000, -1}, h.userGroup("web"));
    assertArrayEquals(new int[] {1000, 33}, h.userGroup("web:www"));
    assertArrayEquals(new int[] {0, 33}, h.userGroup("0:33"));
    assertEquals("Invalid user:group definition web:nope", failure(() -> h.userGroup("web:nope")));
    assertEquals(1000, h.gidForUid(1000));
  }

  @Test
  void directories() throws Exception {
    HostValueTypes h = host(Map.of("HOME", dir.toString()));
    Files.createDirectories(dir.resolve("logs"));
    assertEquals("logs", h.existingDirectory("logs"));
    assertEquals(dir + "/logs", h.existingDirectory("~/logs"));
    assertEquals("nope is not an existing directory", failure(() -> h.existingDirectory("nope")));
    assertEquals("x.log", h.existingDirpath("x.log"));
    assertEquals("logs/x.log", h.existingDirpath("logs/x.log"));
    assertEquals(
        "The directory named as part of the path nope/x.log does not exist",
        failure(() -> h.existingDirpath("nope/x.log")));
    assertEquals(dir.resolve("x.sock"), h.normalize("logs/../x.sock"));
  }

  @Test
  void dirnameLikePython() {
    assertEquals("", HostValueTypes.dirname("a"));
    assertEquals("/", HostValueTypes.dirname("/a"));
    assertEquals("/a", HostValueTypes.dirname("/a/b"));
    assertEquals("/a/b", HostValueTypes.dirname("/a/b/"));
    assertEquals("//", HostValueTypes.dirname("//a"));
  }

  @Test
  void globWithWildcardDirectories() throws Exception {
    Files.createDirectories(dir.resolve("sites/a"));
    Files.createDirectories(dir.resolve("sites/b"));
    Files.writeString(dir.resolve("sites/a/app.conf"), "");
    Files.writeString(dir.resolve("sites/b/app.conf"), "");
    Files.writeString(dir.resolve("sites/notadir.conf"), "");
    List<String> found = new java.util.ArrayList<>(IncludeGlob.glob(dir + "/sites/*/app.conf"));
    found.sort(null);
    assertEquals(List.of(dir + "/sites/a/app.conf", dir + "/sites/b/app.conf"), found);
    assertEquals(List.of(dir + "/sites/a/app.conf"), IncludeGlob.glob(dir + "/sites/a/app.conf"));
    assertEquals(List.of(), IncludeGlob.glob(dir + "/sites/a/none.conf"));
  }
}
