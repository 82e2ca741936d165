package dev.tend.core;

import dev.tend.platform.ProcessTree;

/** {@link ProcessTrees} over /proc (dev.tend.platform.ProcessTree). */
public final class ProcTrees implements ProcessTrees {
  @Override
  public Tree snapshot(int pid) {
    ProcessTree first = ProcessTree.of(pid);
    return signal -> first.refresh().signal(signal).size();
  }
}
