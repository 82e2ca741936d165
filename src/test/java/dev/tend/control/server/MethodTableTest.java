package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one table behind dispatch, listMethods, methodHelp and methodSignature. */
class MethodTableTest {
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private final MethodTable table = MethodTable.of(api, new FollowSessions(api));

  /** {@code method -> [rtype, ptypes...]} as a real supervisord 4.2.5 reported them. */
  static Map<String, List<String>> supervisordSignatures() throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (InputStream in =
        MethodTableTest.class.getResourceAsStream("/fixtures/supervisord-4.2.5-signatures.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> words = List.of(line.trim().split(" "));
        out.put(words.get(0), words.subList(1, words.size()));
      }
    }
    return out;
  }

  @Test
  void listsEverySupervisordMethodAndAliasSorted() throws IOException {
    List<String> names = table.names();
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names);
    assertTrue(names.containsAll(supervisordSignatures().keySet()), names::toString);
    for (String n : names) {
      assertTrue(
          supervisordSignatures().containsKey(n) || n.startsWith("tend."),
          n + " is neither supervisord's nor in tend's namespace");
    }
    assertTrue(names.contains("supervisor.getVersion"));
    assertTrue(names.contains("supervisor.readMainLog"));
  }

  @Test
  void signaturesAreSupervisordsForItsMethods() throws IOException {
    for (Map.Entry<String, List<String>> e : supervisordSignatures().entrySet()) {
      assertEquals(e.getValue(), table.describe(e.getKey()).signature(), e.getKey());
    }
  }

  @Test
  void everyMethodHasHelpWhoseTagsGiveItsSignature() {
    for (String name : table.names()) {
      RpcMethod m = table.describe(name);
      String help = m.help();
      assertFalse(m.summary().isBlank(), name);
      assertEquals(m.signature(), signatureFromTags(help), name + " help:\n" + help);
      for (RpcMethod.Param p : m.params()) {
        assertFalse(p.doc().isBlank(), name + " " + p.name());
      }
    }
  }

  @Test
  void aliasesShareTheirMethodsHelp() {
    assertEquals(
        table.describe("supervisor.getAPIVersion").help(),
        table.describe("supervisor.getVersion").help());
    assertEquals(
        table.describe("supervisor.tailProcessStdoutLog").signature(),
        table.describe("supervisor.tailProcessLog").signature());
  }

  @Test
  void systemMethodsAnswerFromTheTable() {
    assertEquals(table.names(), table.invoke("system.listMethods", List.of()));
    assertEquals(
        List.of("boolean", "string", "boolean"),
        table.invoke("system.methodSignature", List.of("supervisor.startProcess")));
    String help = (String) table.invoke("system.methodHelp", List.of("supervisor.startProcess"));
    assertTrue(help.startsWith("Start a process"), help);
    assertTrue(help.contains("@param boolean wait"), help);
  }

  @Test
  void unknownNamesInIntrospectionAreSignatureUnsupported() {
    for (String method : List.of("system.methodHelp", "system.methodSignature")) {
      FaultException e =
          assertThrows(
              FaultException.class, () -> table.invoke(method, List.of("supervisor.nope")));
      assertEquals(Fault.SIGNATURE_UNSUPPORTED.code(), e.code());
      assertEquals("SIGNATURE_UNSUPPORTED", e.faultString());
    }
  }

  /** supervisord's gettags(), as methodSignature applies it to a docstring. */
  static List<String> signatureFromTags(String doc) {
    String rtype = null;
    List<String> ptypes = new ArrayList<>();
    for (String raw : doc.split("\n")) {
      String line = raw.strip();
      if (!line.startsWith("@")) {
        continue;
      }
      String[] parts = line.split("\\s+", 4);
      String tag = parts[0].substring(1);
      String type = parts.length > 1 ? parts[1] : "";
      if (tag.equals("return")) {
        rtype = type;
      } else if (tag.equals("param")) {
        ptypes.add(type);
      }
    }
    List<String> sig = new ArrayList<>();
    sig.add(rtype);
    sig.addAll(ptypes);
    return sig;
  }

  @Test
  void onlyTheCallsThatWaitForNewsAreLongPolls() {
    List<String> longPolls = table.names().stream().filter(table::isLongPoll).toList();
    assertEquals(List.of("tend.followProcessLog", "tend.waitForChanges"), longPolls);
    assertFalse(table.isLongPoll("no.suchMethod"));
  }
}
