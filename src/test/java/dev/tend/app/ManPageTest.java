package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.tui.keymap.KeyHelp;
import dev.tend.tui.keymap.Keymap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManPageTest {
  private static final Map<String, String> PAGES = ManPage.pages("2026-01-01");

  /** The page as man shows it, near enough to search: escapes undone, macros kept. */
  private static String text(String page) {
    return PAGES.get(page).replace("\\-", "-").replace("\\e", "\\").replace("\\&", "");
  }

  private static void everyOptionIn(OptionTable table, String page) {
    String text = text(page);
    for (CommandOption o : table.documented()) {
      String tag = String.join(", ", o.spellings()) + (o.takesArgument() ? " " + o.argument() : "");
      assertTrue(text.contains("\\fB" + tag + "\\fR\n"), page + " lacks " + tag + ":\n" + text);
      String firstWords = String.join(" ", List.of(o.description().split("\\s+")).subList(0, 2));
      assertTrue(text.contains(firstWords), page + " lacks the description of " + tag);
    }
  }

  @Test
  void everyDaemonOptionIsInTendDaemon8() {
    everyOptionIn(DaemonOptions.TABLE, "tend-daemon.8");
    assertFalse(text("tend-daemon.8").contains("tend-daemonized"), "internal options stay out");
  }

  @Test
  void everyCtlOptionAndEveryVerbIsInTendCtl1() {
    everyOptionIn(CtlOptions.TABLE, "tend-ctl.1");
    String text = text("tend-ctl.1");
    Map<String, String> verbs = ManPage.verbHelp();
    assertTrue(
        verbs.keySet().containsAll(List.of("status", "restart", "tail", "version")), "" + verbs);
    for (Map.Entry<String, String> v : verbs.entrySet()) {
      assertTrue(text.contains(".SS \"" + v.getKey() + "\"\n"), v.getKey());
      String firstLine = Roff.expandTabs(v.getValue().lines().findFirst().orElseThrow());
      assertTrue(text.contains(firstLine), v.getKey() + ": " + firstLine);
    }
  }

  @Test
  void everyConsoleOptionAndKeyIsInTend1() {
    everyOptionIn(ConsoleCommand.TABLE, "tend.1");
    String text = text("tend.1");
    for (KeyHelp.Section s : KeyHelp.sections(Keymap.defaults())) {
      for (KeyHelp.Entry e : s.entries()) {
        assertTrue(text.contains(e.description()), e.action() + " " + e.description());
      }
    }
  }

  @Test
  void everyServersOptionIsInTend1() {
    everyOptionIn(ServersCommand.TABLE, "tend.1");
    everyOptionIn(CtlOptions.TEND, "tend-ctl.1");
  }

  @Test
  void helpIsMadeFromTheSameTable() {
    for (CommandOption o : ServersCommand.TABLE.documented()) {
      assertTrue(ServersCommand.HELP.contains(String.join("/", o.spellings())), o.name());
    }
    for (CommandOption o : DaemonOptions.TABLE.documented()) {
      assertTrue(DaemonCommand.USAGE.contains(String.join("/", o.spellings())), o.name());
    }
    for (CommandOption o : CtlOptions.TABLE.documented()) {
      assertTrue(CtlCommand.USAGE.contains(String.join("/", o.spellings())), o.name());
    }
    for (CommandOption o : ConsoleCommand.TABLE.documented()) {
      assertTrue(ConsoleCommand.HELP.contains(String.join("/", o.spellings())), o.name());
    }
  }

  @Test
  void roffMarkupInTheTextIsEscaped() {
    String page =
        new Roff().paragraph(".starts with a dot\n'and a quote\nback\\slash --dashes").toString();
    assertEquals(".PP\n\\&.starts with a dot\n\\&'and a quote\nback\\eslash \\-\\-dashes\n", page);
  }
}
