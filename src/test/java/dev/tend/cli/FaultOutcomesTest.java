package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.testing.FakeSupervisorApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A verb's expected faults print their line and set their status; others propagate. */
class FaultOutcomesTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CtlSession session =
      FakeLink.session(new FakeSupervisorApi(), new FakeConsole(false), out, false);

  private static final FaultOutcomes ADD =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(Fault.ALREADY_ADDED, "ERROR: process group already active", FaultOutcomes.UNCHANGED)
          .on(Fault.BAD_NAME, "ERROR: no such process/group: " + FaultOutcomes.NAME, Lsb.GENERIC)
          .on(Fault.CANT_REREAD, "ERROR: " + FaultOutcomes.FAULT, Lsb.INVALID_ARGS);

  @Test
  void anExpectedFaultPrintsItsLineWithTheNameAndSetsItsStatus() {
    ADD.handle(session, "web", new FaultException(Fault.BAD_NAME, "web"));
    assertEquals("ERROR: no such process/group: web\n", printed());
    assertEquals(Lsb.GENERIC, session.exitStatus());
  }

  @Test
  void anUnchangedStatusLeavesTheStatusAlone() {
    ADD.handle(session, "web", new FaultException(Fault.ALREADY_ADDED, "web"));
    assertEquals("ERROR: process group already active\n", printed());
    assertEquals(0, session.exitStatus());
  }

  @Test
  void theFaultStringGoesWhereTheLineAsksForIt() {
    ADD.handle(session, "", new FaultException(Fault.CANT_REREAD, "bad line 3"));
    assertEquals("ERROR: CANT_REREAD: bad line 3\n", printed());
    assertEquals(Lsb.INVALID_ARGS, session.exitStatus());
  }

  @Test
  void aNameThatLooksLikeATokenIsPrintedAsItIs() {
    ADD.handle(session, "{fault}", new FaultException(Fault.BAD_NAME, "x"));
    assertEquals("ERROR: no such process/group: {fault}\n", printed());
  }

  @Test
  void anUnexpectedFaultSetsTheOtherStatusAndPropagates() {
    FaultException e = new FaultException(Fault.FAILED, "boom");
    assertSame(e, assertThrows(FaultException.class, () -> ADD.handle(session, "web", e)));
    assertEquals("", printed());
    assertEquals(Lsb.GENERIC, session.exitStatus());
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
