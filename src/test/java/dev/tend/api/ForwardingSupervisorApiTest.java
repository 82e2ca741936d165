package dev.tend.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every call reaches the delegate with its own arguments, and its answer comes back unchanged. */
class ForwardingSupervisorApiTest {

  private record Call(Method method, Object[] args) {}

  @Test
  void everyMethodIsForwardedWithItsArgumentsAndAnswer() throws Exception {
    List<Call> calls = new ArrayList<>();
    SupervisorApi recording =
        (SupervisorApi)
            Proxy.newProxyInstance(
                SupervisorApi.class.getClassLoader(),
                new Class<?>[] {SupervisorApi.class},
                (proxy, method, args) -> {
                  calls.add(new Call(method, args == null ? new Object[0] : args));
                  return answerFor(method.getReturnType());
                });
    SupervisorApi forwarding = new ForwardingSupervisorApi(recording) {};
    int abstractMethods = 0;
    for (Method m : SupervisorApi.class.getMethods()) {
      if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      abstractMethods++;
      Object[] args = argumentsFor(m);
      calls.clear();
      Object got = m.invoke(forwarding, args);
      assertEquals(1, calls.size(), m.getName());
      assertEquals(m, calls.get(0).method(), m.getName());
      assertArrayEquals(args, calls.get(0).args(), m.getName());
      Object expected = answerFor(m.getReturnType());
      if (expected != null && !m.getReturnType().isPrimitive()) {
        assertSame(expected, got, m.getName());
      }
    }
    assertEquals(34, abstractMethods, "a new method needs a line in this test's expectations");
  }

  private static Object[] argumentsFor(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == String.class) {
        args[i] = "arg" + i;
      } else if (t == boolean.class) {
        args[i] = Boolean.TRUE;
      } else if (t == long.class) {
        args[i] = 40L + i;
      } else if (t == LogStream.class) {
        args[i] = LogStream.STDERR;
      } else if (t == Duration.class) {
        args[i] = Duration.ofSeconds(i);
      } else if (t == LogListener.class) {
        args[i] =
            (LogListener)
                Proxy.newProxyInstance(
                    LogListener.class.getClassLoader(),
                    new Class<?>[] {LogListener.class},
                    (p, mm, a) -> null);
      } else {
        throw new AssertionError("no sample argument of " + t + " for " + m.getName());
      }
    }
    return args;
  }

  /** One answer per return type, the same object every time, so it is compared by identity. */
  private static final java.util.Map<Class<?>, Object> ANSWERS =
      java.util.Map.of(
          int.class,
          7,
          String.class,
          "answer",
          List.class,
          new ArrayList<>(),
          byte[].class,
          new byte[] {1, 2, 3},
          SupervisorState.class,
          SupervisorState.RESTARTING,
          SupervisorApi.Capabilities.class,
          SupervisorApi.Capabilities.supervisord("4.2.5"));

  /**
   * Null for void, and for the records with many fields: a null forwarded still proves the call.
   */
  private static Object answerFor(Class<?> type) {
    return ANSWERS.get(type);
  }
}
