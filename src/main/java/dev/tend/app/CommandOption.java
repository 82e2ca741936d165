package dev.tend.app;

/**
 * One option of a command line, as data: the table it sits in drives the parser ({@link Getopt}'s
 * specs), the {@code -h} text and the man page, so what they say is what the program reads.
 *
 * @param letters the short forms ({@code "h?"} for {@code -h} and {@code -?}); empty for none
 * @param name the long form without dashes ({@code configuration}); empty for none
 * @param argument what the option takes, in capitals ({@code FILE}); empty for a flag
 * @param description what it does, one sentence or a few; empty for an internal option that help
 *     and the man page leave out
 */
record CommandOption(String letters, String name, String argument, String description) {
  CommandOption {
    if (letters.isEmpty() && name.isEmpty()) {
      throw new IllegalArgumentException("an option needs a letter or a name: " + description);
    }
  }

  static CommandOption of(String letters, String name, String argument, String description) {
    return new CommandOption(letters, name, argument, description);
  }

  /** An option that takes no argument. */
  static CommandOption flag(String letters, String name, String description) {
    return new CommandOption(letters, name, "", description);
  }

  boolean takesArgument() {
    return !argument.isEmpty();
  }

  /** Shown by help and the man page (internal options have no description). */
  boolean documented() {
    return !description.isEmpty();
  }

  /** Whether {@code spelled} ({@code -c}, {@code --configuration}) is this option. */
  boolean is(String spelled) {
    if (spelled.startsWith("--")) {
      return !name.isEmpty() && spelled.substring(2).equals(name);
    }
    return spelled.length() == 2
        && spelled.charAt(0) == '-'
        && letters.indexOf(spelled.charAt(1)) >= 0;
  }

  /** Every spelling: {@code -h}, {@code -?}, {@code --help}. */
  java.util.List<String> spellings() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (char c : letters.toCharArray()) {
      out.add("-" + c);
    }
    if (!name.isEmpty()) {
      out.add("--" + name);
    }
    return out;
  }
}
