package dev.tend.tui.state;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An action on processes, from a key or the command line, before confirmation.
 *
 * @param signal the canonical signal name (no {@code SIG}) for {@link Verb#SIGNAL}, else null
 */
public record ProcessRequest(Verb verb, Target target, @Nullable String signal) {

  /** What can be done to processes, with supervisorctl's words. */
  public enum Verb {
    START("started"),
    STOP("stopped"),
    RESTART("restarted"),
    SIGNAL("signalled"),
    CLEAR("cleared");

    private final String done;

    Verb(String done) {
      this.done = done;
    }

    /** The command word: {@code start}, {@code signal}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** supervisorctl's past tense: {@code started}, {@code signalled}. */
    public String done() {
      return done;
    }

    /** Whether it can take a program down or lose data (all but start). */
    public boolean dangerous() {
      return this != START;
    }
  }

  public ProcessRequest {
    if ((verb == Verb.SIGNAL) != (signal != null)) {
      throw new IllegalArgumentException("a signal goes with SIGNAL only: " + verb + " " + signal);
    }
  }

  public static ProcessRequest of(Verb verb, Target target) {
    return new ProcessRequest(verb, target, null);
  }

  public static ProcessRequest signal(String signal, Target target) {
    return new ProcessRequest(Verb.SIGNAL, target, signal);
  }

  /** {@code stop web:web_00}, {@code signal HUP all}: how a person would type it. */
  public String describe() {
    String what = verb == Verb.SIGNAL ? "send SIG" + signal + " to" : verb.word();
    return what + " " + target.describe();
  }
}
