package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.cli.CompletionScripts;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
  private static final CtlCommand.Environment ENV =
      new CtlCommand.Environment(
          new ByteArrayInputStream(new byte[0]),
          NOWHERE,
          NOWHERE,
          Map.of(),
          Path.of("/"),
          false,
          false);

  private static List<String> words(String... line) {
    return CompletionCommand.words(List.of(line), ENV);
  }

  @Test
  void ctlsOptionsForManyServersAreOfferedFromTheTable() {
    List<String> offered = words("2", "tend", "ctl", "--s");
    assertTrue(
        offered.containsAll(List.of("--serverurl=", "--servers=", "--serial")), "" + offered);
    assertTrue(words("2", "tend", "ctl", "--").containsAll(List.of("--group=", "--stop-on-error")));
  }

  @Test
  void aServersFileIsCompletedAsAFileName() {
    assertEquals(List.of(CompletionScripts.FILES), words("3", "tend", "ctl", "--servers", ""));
    assertEquals(List.of(CompletionScripts.FILES), words("3", "tend", "servers", "--servers", ""));
    assertEquals(List.of(CompletionScripts.FILES), words("3", "tend", "daemon", "-j", ""));
  }

  @Test
  void serversIsASubcommand() {
    assertEquals(List.of("servers"), words("1", "tend", "serv"));
  }
}
