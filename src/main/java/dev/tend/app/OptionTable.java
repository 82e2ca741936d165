package dev.tend.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command's options in the order help lists them: the specs {@link Getopt} parses with, the
 * option lines of {@code -h}, and what the man page generator reads ({@link ManPage}).
 */
final class OptionTable {
  private final List<CommandOption> options;

  OptionTable(List<CommandOption> options) {
    this.options = List.copyOf(options);
  }

  static OptionTable of(CommandOption... options) {
    return new OptionTable(List.of(options));
  }

  List<CommandOption> options() {
    return options;
  }

  List<CommandOption> documented() {
    return options.stream().filter(CommandOption::documented).toList();
  }

  /** Getopt's short spec: {@code "c:h?n"}. */
  String shortSpec() {
    StringBuilder b = new StringBuilder();
    for (CommandOption o : options) {
      for (char c : o.letters().toCharArray()) {
        b.append(c);
        if (o.takesArgument()) {
          b.append(':');
        }
      }
    }
    return b.toString();
  }

  /** Getopt's long spec: {@code ["configuration=", "nodaemon"]}. */
  List<String> longSpec() {
    List<String> out = new ArrayList<>();
    for (CommandOption o : options) {
      if (!o.name().isEmpty()) {
        out.add(o.takesArgument() ? o.name() + "=" : o.name());
      }
    }
    return out;
  }

  /** The option spelled {@code spelled} ({@code -c} or {@code --configuration}). */
  Optional<CommandOption> find(String spelled) {
    return options.stream().filter(o -> o.is(spelled)).findFirst();
  }

  /**
   * The option lines of {@code -h}, in supervisord's style: {@code -c/--configuration FILE --
   * configuration file}, long descriptions wrapped and indented under the first line.
   */
  String usageLines(int width) {
    StringBuilder b = new StringBuilder();
    for (CommandOption o : documented()) {
      String head = String.join("/", o.spellings()) + (o.takesArgument() ? " " + o.argument() : "");
      String first = head + " -- ";
      List<String> lines = wrap(o.description(), Math.max(20, width - first.length()));
      b.append(first).append(lines.get(0)).append('\n');
      String indent = " ".repeat(Math.min(first.length(), 8));
      for (String more : wrap(String.join(" ", lines.subList(1, lines.size())), width - 8)) {
        if (!more.isEmpty()) {
          b.append(indent).append(more).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** Words of {@code text} in lines of at most {@code width} characters (a longer word alone). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
