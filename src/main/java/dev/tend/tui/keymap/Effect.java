package dev.tend.tui.keymap;

/** What an action does to the supervised programs; decides confirmation and read-only mode. */
public enum Effect {
  /** Changes only what the console shows. */
  VIEW,
  /** Changes the programs, but cannot take anything down (start). */
  CHANGES,
  /** Can take programs down or lose data (stop, restart, signal): confirmed before it runs. */
  DANGEROUS;

  /** Whether {@code --read-only} removes actions with this effect. */
  public boolean changesPrograms() {
    return this != VIEW;
  }
}
