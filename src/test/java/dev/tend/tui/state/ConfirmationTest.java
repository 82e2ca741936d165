package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.tui.state.ProcessRequest.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

  @Test
  void confirmationScalesWithReach() {
    assertInstanceOf(
        Confirmation.None.class,
        Confirmation.required(ProcessRequest.of(Verb.START, new Target.One("web"))));
    assertEquals(
        new Confirmation.YesNo("Stop web:w1?"),
        Confirmation.required(ProcessRequest.of(Verb.STOP, new Target.One("web:w1"))));
    assertEquals(
        new Confirmation.YesNo("Start all processes?"),
        Confirmation.required(ProcessRequest.of(Verb.START, new Target.All())));
    assertEquals(
        new Confirmation.Typed("Restart group web (web:*)?", "restart"),
        Confirmation.required(ProcessRequest.of(Verb.RESTART, new Target.Group("web"))));
    assertEquals(
        new Confirmation.Typed("Stop all processes?", "stop"),
        Confirmation.required(ProcessRequest.of(Verb.STOP, new Target.All())));
    assertInstanceOf(
        Confirmation.Typed.class,
        Confirmation.required(ProcessRequest.of(Verb.STOP, new Target.Several(List.of("a", "b")))));
  }

  @Test
  void sigkillIsTypedEvenForOneProcessOtherSignalsAreYesNo() {
    assertEquals(
        new Confirmation.Typed("Send SIGKILL to api?", "kill"),
        Confirmation.required(ProcessRequest.signal("KILL", new Target.One("api"))));
    assertEquals(
        new Confirmation.YesNo("Send SIGHUP to api?"),
        Confirmation.required(ProcessRequest.signal("HUP", new Target.One("api"))));
  }

  @Test
  void typedWordIgnoresCaseAndSpaces() {
    Confirmation.Typed t = new Confirmation.Typed("?", "kill");
    assertTrue(t.accepts(" KILL "));
    assertTrue(!t.accepts("kil"));
  }
}
