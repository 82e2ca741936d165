package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [include]} (spec §1.14). */
class IncludeTest {
  @TempDir Path dir;

  @Test
  void globsRelativeToTheMainFileSortedWithoutRecursion() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    f.write("conf.d/b.conf", "[program:b]\ncommand=%(here)s/b\n[include]\nfiles=never/*.conf\n");
    f.write("conf.d/a.conf", "[program:a]\ncommand=%(here)s/a\n");
    f.write("conf.d/.hidden.conf", "[program:hidden]\ncommand=x\n");
    f.write("conf.d/c.ini", "[program:c]\ncommand=x\n");
    f.write("other/never/x.conf", "[program:never]\ncommand=x\n");
    Path main =
        f.write(
            "etc/main.conf",
            "[supervisord]\n[include]\nfiles=../conf.d/*.conf ../conf.d/[c].ini none/*.conf\n");
    SupervisorConfig c = new ConfigLoader(f.context()).load(main);
    assertEquals(
        List.of(
            dir.resolve("etc/../conf.d/a.conf").toString(),
            dir.resolve("etc/../conf.d/b.conf").toString(),
            dir.resolve("etc/../conf.d/c.ini").toString()),
        c.includedFiles().stream().map(Path::toString).toList());
    assertEquals(List.of("a", "b", "c"), c.groups().stream().map(GroupConfig::name).toList());
    assertEquals(
        dir.resolve("etc/../conf.d") + "/a",
        c.group("a").orElseThrow().processes().get(0).command(),
        "%(here)s in an included file is that file's directory");
    List<String> notes = c.diagnostics().stream().map(Diagnostic::message).toList();
    assertTrue(
        notes.contains(
            "Included extra file \"" + dir.resolve("etc/../conf.d/a.conf") + "\" during parsing"));
    assertTrue(
        notes.contains("No file matches via include \"" + dir.resolve("etc") + "/none/*.conf\""),
        notes.toString());
  }

  @Test
  void laterFilesOverrideKeysOfEarlierOnes() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    f.write("override.conf", "[program:p]\nautostart=false\n");
    SupervisorConfig c =
        f.load("[include]\nfiles=override.conf\n[program:p]\ncommand=x\nautostart=true\n");
    assertEquals(false, c.group("p").orElseThrow().processes().get(0).autostart());
  }

  @Test
  void errorsInIncludedFilesNameThatFile() {
    ConfigFiles f = new ConfigFiles(dir);
    f.write("inc.conf", "[program:p]\ncommand=x\nautostart=maybe\n");
    List<String> errors = f.errors("[include]\nfiles=inc.conf %(host_node_name)s.conf\n");
    assertEquals(
        List.of(
            "not a valid boolean value: 'maybe' in section 'program:p' (file: '"
                + dir.resolve("inc.conf")
                + "')"),
        errors);
  }

  @Test
  void includeNeedsFiles() {
    assertEquals(
        ".ini file has [include] section, but no files setting",
        new ConfigFiles(dir).error("[include]\n"));
  }

  @Test
  void globMatchesLikePython() {
    assertTrue(IncludeGlob.matches("*.conf", 0, "a.conf", 0));
    assertTrue(IncludeGlob.matches("[!x]?.conf", 0, "ab.conf", 0));
    assertTrue(!IncludeGlob.matches("[!a]?.conf", 0, "ab.conf", 0));
    assertTrue(IncludeGlob.matches("[a-c]", 0, "b", 0));
    assertTrue(IncludeGlob.matches("[]]", 0, "]", 0));
    assertTrue(IncludeGlob.matches("[x", 0, "[x", 0));
  }
}
