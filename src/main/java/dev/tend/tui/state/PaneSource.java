package dev.tend.tui.state;

import java.util.List;

/**
 * What a log pane shows: one process, or the merged lines of a group, of the tagged processes, or
 * of all. A merged pane's members are worked out from the process table each time it changes, so a
 * group pane picks up a process added to the group. Immutable.
 */
public sealed interface PaneSource {

  /** One process. */
  record Process(String namespec) implements PaneSource {
    @Override
    public String label() {
      return namespec;
    }

    @Override
    public List<String> members(ProcessTable table) {
      return List.of(namespec);
    }
  }

  /** Every process of a group. */
  record Group(String name) implements PaneSource {
    @Override
    public String label() {
      return "group " + name;
    }

    @Override
    public List<String> members(ProcessTable table) {
      return table.all().stream()
          .filter(r -> r.group().equals(name))
          .map(ProcessRow::namespec)
          .toList();
    }
  }

  /** The processes that were tagged when the pane opened. */
  record Tagged(List<String> namespecs) implements PaneSource {
    public Tagged {
      namespecs = List.copyOf(namespecs);
    }

    @Override
    public String label() {
      return namespecs.size() == 1 ? namespecs.get(0) : namespecs.size() + " tagged";
    }

    @Override
    public List<String> members(ProcessTable table) {
      return namespecs.stream().filter(n -> table.row(n).isPresent()).toList();
    }
  }

  /** Every process. */
  record All() implements PaneSource {
    @Override
    public String label() {
      return "all processes";
    }

    @Override
    public List<String> members(ProcessTable table) {
      return table.all().stream().map(ProcessRow::namespec).toList();
    }
  }

  /** The title of a pane showing it. */
  String label();

  /** The processes whose lines it shows, in the table's order. */
  List<String> members(ProcessTable table);

  /** Whether lines of several processes meet here (each line then shows its process's name). */
  default boolean merged() {
    return !(this instanceof Process);
  }
}
