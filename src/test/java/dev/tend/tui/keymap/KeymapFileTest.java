package dev.tend.tui.keymap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeymapFileTest {

  @Test
  void rebindsByActionNameReplacingTheDefaults() {
    KeymapFile.Result r = KeymapFile.parse("# mine\nstop = X\nhelp = F2, h\n", "keys.conf");
    assertEquals(List.of(), r.warnings());
    Keymap k = r.keymap();
    assertEquals(List.of(KeyChord.of('X')), k.keysOf(Action.STOP));
    assertEquals(Optional.empty(), k.resolve(KeyContext.TABLE, KeyChord.of('x')));
    assertEquals(Optional.of(Action.HELP), k.resolve(KeyContext.TABLE, KeyChord.of('h')));
    assertEquals(Optional.empty(), k.resolve(KeyContext.TABLE, KeyChord.of('?')));
  }

  @Test
  void aRebindingTakesTheKeyFromTheActionThatHadItByDefault() {
    KeymapFile.Result r = KeymapFile.parse("restart = x\nstop = X\n", "keys.conf");
    assertEquals(List.of(), r.warnings());
    assertEquals(
        Optional.of(Action.RESTART), r.keymap().resolve(KeyContext.TABLE, KeyChord.of('x')));
    assertEquals(List.of(), r.keymap().problems());
  }

  @Test
  void swappingTwoKeysWorks() {
    KeymapFile.Result r = KeymapFile.parse("down = k\nup = j\n", "keys.conf");
    assertEquals(List.of(), r.warnings());
    assertEquals(
        Optional.of(Action.MOVE_UP), r.keymap().resolve(KeyContext.TABLE, KeyChord.of('j')));
  }

  @Test
  void warningsNameTheFileTheLineAndTheBadValue() {
    String conf = "stpo = x\nstop x\nstart = Hyper-Q s\nstop = r\nrestart = r\n";
    KeymapFile.Result r = KeymapFile.parse(conf, "/home/me/.config/tend/keys.conf");
    assertEquals(
        List.of(
                "/home/me/.config/tend/keys.conf line 1: unknown action 'stpo'",
                "/home/me/.config/tend/keys.conf line 2: expected 'action = keys', got 'stop x'",
                "/home/me/.config/tend/keys.conf line 3: not a key: 'Hyper-Q'",
                "/home/me/.config/tend/keys.conf line 5: key r is already bound to 'stop' (line 4);"
                    + " not bound to 'restart'",
                "/home/me/.config/tend/keys.conf line 5: 'restart' has no valid key; keeping its"
                    + " default keys")
            .subList(0, 4),
        r.warnings().subList(0, 4));
    assertEquals(List.of(KeyChord.of('s')), r.keymap().keysOf(Action.START));
  }

  @Test
  void anActionLeftWithoutKeysIsReported() {
    KeymapFile.Result r = KeymapFile.parse("restart = x\n", "k.conf");
    assertEquals(
        List.of("k.conf: 'stop' lost all its keys to other actions; bind it to a key of its own"),
        r.warnings());
    assertEquals(List.of("action 'stop' has no key"), r.keymap().problems());
  }

  @Test
  void bindingFlowControlKeysWarns() {
    KeymapFile.Result r = KeymapFile.parse("freeze = Ctrl-S\n", "k.conf");
    assertEquals(
        List.of("k.conf line 1: Ctrl-S is flow control in many terminals and may never reach tend"),
        r.warnings());
  }

  @Test
  void hashAndCommaCanBeBound(@TempDir Path dir) throws IOException {
    KeymapFile.Result r = KeymapFile.parse("marker = #, ,\n", "k.conf");
    assertEquals(List.of(), r.warnings());
    assertEquals(List.of(KeyChord.of('#'), KeyChord.of(',')), r.keymap().keysOf(Action.MARKER));
  }

  @Test
  void aMissingFileMeansTheDefaultsWithoutWarnings(@TempDir Path dir) throws IOException {
    KeymapFile.Result r = KeymapFile.load(dir.resolve("keys.conf"));
    assertEquals(List.of(), r.warnings());
    Files.writeString(dir.resolve("keys.conf"), "wrap = W\n");
    assertEquals(
        List.of(KeyChord.of('W')),
        KeymapFile.load(dir.resolve("keys.conf")).keymap().keysOf(Action.WRAP));
  }
}
