package dev.tend.cli;

import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code tail -f NAME... [stdout|stderr]} over several processes (supervisord issue #246): names,
 * {@code group:*} and {@code all}; every line is prefixed by its process, {@code web:web_0 | ...},
 * the prefixes padded to one width (and coloured on a terminal). Goes through {@link
 * dev.tend.api.SupervisorApi#followProcessLog}: pushed by a tend daemon, polled from supervisord.
 */
final class MultiTail {
  /** Bytes of history per process, as supervisord's {@code /logtail} sends. */
  static final long HISTORY_BYTES = 1024;

  private static final String[] COLOURS = {
    "\033[36m", "\033[32m", "\033[33m", "\033[35m", "\033[34m", "\033[91m"
  };

  private MultiTail() {}

  /**
   * Whether {@code args} (the words after {@code tail}) ask for more than supervisorctl's single
   * follow: {@code -f} with several names, or with a group or {@code all}.
   */
  static boolean applies(List<String> args) {
    if (args.size() < 2 || !args.get(0).equals("-f")) {
      return false;
    }
    List<String> names = names(args.subList(1, args.size()));
    if (names.size() > 1) {
      return true;
    }
    String only = names.get(0);
    return only.equals("all") || Namespec.parse(only).isGroup();
  }

  /** The names without a trailing channel word. */
  private static List<String> names(List<String> words) {
    if (words.size() > 1 && channel(words.get(words.size() - 1)) != null) {
      return words.subList(0, words.size() - 1);
    }
    return words;
  }

  private static @Nullable LogStream channel(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "stdout" -> LogStream.STDOUT;
      case "stderr" -> LogStream.STDERR;
      default -> null;
    };
  }

  static void run(CtlSession s, List<String> words) {
    LogStream stream = LogStream.STDOUT;
    LogStream last = channel(words.get(words.size() - 1));
    if (words.size() > 1 && last != null) {
      stream = last;
    }
    List<String> targets = resolve(s, names(words));
    if (targets.isEmpty()) {
      return;
    }
    int width = 0;
    for (String t : targets) {
      width = Math.max(width, PythonFormat.length(t));
    }
    s.println("==> Press Ctrl-C to exit <==");
    LogStreaming streaming = new LogStreaming(s);
    UserInput.Registration ctrlC = s.input().onInterrupt(streaming::interrupt);
    try {
      for (int i = 0; i < targets.size(); i++) {
        String namespec = targets.get(i);
        String prefix = PythonFormat.padRight(namespec, width) + " | ";
        if (s.colour()) {
          prefix = COLOURS[i % COLOURS.length] + prefix + StatusTable.RESET;
        }
        PrefixedLines lines = new PrefixedLines(s, prefix, streaming);
        LogStream chosen = stream;
        streaming.add(l -> s.api().followProcessLog(namespec, chosen, HISTORY_BYTES, l), lines);
      }
      streaming.awaitEnd();
    } finally {
      ctrlC.close();
    }
  }

  /** The processes the names mean, in order, each once; unknown names are reported (status 1). */
  private static List<String> resolve(CtlSession s, List<String> names) {
    List<ProcessInfo> all = s.api().getAllProcessInfo();
    Set<String> targets = new LinkedHashSet<>();
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      List<String> found = new ArrayList<>();
      for (ProcessInfo info : all) {
        boolean match =
            name.equals("all")
                || (info.group().equals(spec.group())
                    && (spec.isGroup() || info.name().equals(spec.process())));
        if (match) {
          found.add(info.namespec());
        }
      }
      if (found.isEmpty()) {
        s.println(
            spec.isGroup()
                ? spec.group() + ": ERROR (no such group)"
                : name + ": ERROR (no such process)");
        s.exit(Lsb.GENERIC);
      }
      targets.addAll(found);
    }
    return new ArrayList<>(targets);
  }
}
