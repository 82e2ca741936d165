package dev.tend.app;

import dev.tend.cli.UserInput;
import dev.tend.cli.UserInterrupt;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@link UserInput} over plain standard input: piped commands to the shell, y/N answers, {@code
 * fg}'s lines; Ctrl-C through {@link SigintTrap} while a verb listens for it. Prompts go to
 * standard output as Python's {@code input()} writes them when stdin is not a terminal.
 *
 * <p>Reads block the calling thread, except while a Ctrl-C listener is registered: then a daemon
 * thread reads ahead so that Ctrl-C can end the wait; from then on every read goes through it.
 */
final class StdinInput implements UserInput {
  private static final String EOF = new String("EOF"); // identity marks end of input in the queue

  private final InputStream in;
  private final PrintStream out;
  private final boolean terminal;
  private final Object lock = new Object();
  private final List<Runnable> actions = new ArrayList<>(); // guarded by lock
  private @Nullable SigintTrap trap; // guarded by lock; installed while actions is not empty
  private @Nullable LinkedBlockingQueue<String> queue; // guarded by lock; the read-ahead's lines
  private volatile boolean interruptPending; // set on SIGINT, taken by a waiting readLine

  StdinInput(InputStream in, PrintStream out, boolean terminal) {
    this.in = in;
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public @Nullable String readLine(String prompt) {
    byte[] p = prompt.getBytes(StandardCharsets.UTF_8);
    out.write(p, 0, p.length);
    out.flush();
    LinkedBlockingQueue<String> q;
    synchronized (lock) {
      q = queue;
    }
    if (q == null) {
      return readDirect();
    }
    try {
      while (true) {
        String line = q.poll(50, TimeUnit.MILLISECONDS);
        if (line != null) {
          if (line == EOF) {
            q.add(EOF); // later reads see the end too
            return null;
          }
          return line;
        }
        if (interruptPending) {
          interruptPending = false;
          throw new UserInterrupt();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserInterrupt();
    }
  }

  @Override
  public @Nullable String readPassword(String prompt) {
    Console console = System.console();
    if (terminal && console != null) {
      char[] typed = console.readPassword("%s", prompt);
      return typed == null ? null : new String(typed);
    }
    return readLine(prompt);
  }

  @Override
  public Registration onInterrupt(Runnable action) {
    synchronized (lock) {
      actions.add(action);
      if (trap == null) {
        trap =
            SigintTrap.install(
                new Runnable() {
                  @Override
                  public void run() {
                    interrupted();
                  }
                });
      }
      if (queue == null) {
        queue = startReadAhead();
      }
    }
    return new Registration() {
      @Override
      public void close() {
        synchronized (lock) {
          actions.remove(action);
          SigintTrap t = trap;
          if (actions.isEmpty() && t != null) {
            t.close();
            trap = null;
          }
        }
      }
    };
  }

  @Override
  public boolean isTerminal() {
    return terminal;
  }

  private void interrupted() {
    List<Runnable> now;
    synchronized (lock) {
      now = List.copyOf(actions);
    }
    interruptPending = true;
    for (Runnable r : now) {
      r.run();
    }
  }

  private LinkedBlockingQueue<String> startReadAhead() {
    LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            new Runnable() {
              @Override
              public void run() {
                while (true) {
                  String line = readDirect();
                  q.add(line == null ? EOF : line);
                  if (line == null) {
                    return;
                  }
                }
              }
            },
            "tend-stdin");
    reader.setDaemon(true);
    reader.start();
    return q;
  }

  /** One line from stdin without its {@code \n}; null at end of input (or when it fails). */
  private @Nullable String readDirect() {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    try {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          return line.toString(StandardCharsets.UTF_8);
        }
        line.write(b);
      }
    } catch (IOException e) {
      // an unreadable stdin is the end of input
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }
}
