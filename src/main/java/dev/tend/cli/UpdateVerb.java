package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.PythonText;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorApi;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code update [all|group ...]}: supervisorctl's {@code do_update}, {@code reloadConfig} then per
 * group: removed ones stopped and removed, changed ones stopped, removed and added again, new ones
 * added. Names limit it to those groups.
 */
final class UpdateVerb implements Verb {
  @Override
  public String help() {
    return """
        update\t\t\tReload config and add/remove as necessary, and will restart affected programs
        update all\t\tReload config and add/remove as necessary, and will restart affected programs
        update <gname> [...]\tUpdate specific groups
        """;
  }

  @Override
  public Completes completes() {
    return Completes.GROUPS;
  }

  @Override
  public void run(CtlSession s, String arg) {
    SupervisorApi api = s.api();
    ReloadDiff diff;
    try {
      diff = api.reloadConfig();
    } catch (FaultException e) {
      s.exit(Lsb.GENERIC);
      if (!e.is(Fault.SHUTDOWN_STATE)) {
        throw e;
      }
      s.println("ERROR: already shutting down");
      return;
    }
    Set<String> only = new LinkedHashSet<>(PythonText.split(arg));
    if (only.contains("all")) {
      only.clear();
    }
    if (!only.isEmpty()) {
      checkNames(s, api, diff, only);
    }
    for (String group : diff.removed()) {
      if (only.isEmpty() || only.contains(group)) {
        remove(s, api, group);
      }
    }
    for (String group : diff.changed()) {
      if (only.isEmpty() || only.contains(group)) {
        api.stopProcessGroup(group, true);
        s.println(group + ": stopped");
        api.removeProcessGroup(group);
        api.addProcessGroup(group);
        s.println(group + ": updated process group");
      }
    }
    for (String group : diff.added()) {
      if (only.isEmpty() || only.contains(group)) {
        api.addProcessGroup(group);
        s.println(group + ": added process group");
      }
    }
  }

  /**
   * Reports names that are neither a current group nor a new one. supervisorctl walks a Python set
   * here, in no fixed order; tend keeps the order they were given in.
   */
  private static void checkNames(
      CtlSession s, SupervisorApi api, ReloadDiff diff, Set<String> only) {
    Set<String> groups = new HashSet<>(diff.added());
    for (ProcessInfo info : api.getAllProcessInfo()) {
      groups.add(info.group());
    }
    for (String name : only) {
      if (!groups.contains(name)) {
        s.println("ERROR: no such group: " + name);
        s.exit(Lsb.GENERIC);
      }
    }
  }

  private static void remove(CtlSession s, SupervisorApi api, String group) {
    List<ProcessResult> results = api.stopProcessGroup(group, true);
    s.println(group + ": stopped");
    for (ProcessResult r : results) {
      if (r.status() == Fault.FAILED.code()) {
        s.println(group + ": has problems; not removing");
        s.exit(Lsb.GENERIC);
        return;
      }
    }
    api.removeProcessGroup(group);
    s.println(group + ": removed process group");
  }
}
