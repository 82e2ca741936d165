package dev.tend.core;

import dev.tend.api.ConfigInfo;
import dev.tend.api.LogStream;
import dev.tend.config.GroupConfig;
import dev.tend.config.LogFileSpec;
import dev.tend.config.ProcessConfig;
import dev.tend.config.StreamConfig;
import dev.tend.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code getAllConfigInfo}: the last config read, one struct per process, sorted by name. */
final class ConfigInfos {
  private ConfigInfos() {}

  static List<ConfigInfo> of(SupervisorConfig config, SupervisorCore core) {
    List<ConfigInfo> all = new ArrayList<>();
    for (GroupConfig g : config.groups()) {
      boolean inuse = core.hasGroup(g.name());
      for (ProcessConfig p : g.processes()) {
        ProcessRuntime running = null;
        if (inuse) {
          GroupRuntime gr = core.group(g.name());
          running = gr.process(p.name());
          if (running != null && !running.config().sameSettings(p)) {
            running = null;
          }
        }
        all.add(of(g, p, inuse, running));
      }
    }
    all.sort(Comparator.comparing(ConfigInfo::name));
    return all;
  }

  private static ConfigInfo of(
      GroupConfig g, ProcessConfig p, boolean inuse, @Nullable ProcessRuntime running) {
    return new ConfigInfo(
        p.name(),
        g.name(),
        inuse,
        p.autostart(),
        p.directory(),
        p.uid(),
        p.command(),
        p.exitcodes(),
        g.priority(),
        p.priority(),
        p.killasgroup(),
        p.redirectStderr(),
        p.startretries(),
        p.startsecs(),
        p.stopsignal().number(),
        p.stopwaitsecs(),
        p.serverurl() == null ? "auto" : p.serverurl(),
        stream(p.stdout(), running, LogStream.STDOUT),
        stream(p.stderr(), running, LogStream.STDERR));
  }

  private static ConfigInfo.StreamConfigInfo stream(
      StreamConfig s, @Nullable ProcessRuntime running, LogStream which) {
    String logfile;
    if (s.logfile() instanceof LogFileSpec.File f) {
      logfile = f.path().toString();
    } else if (s.logfile() instanceof LogFileSpec.Auto) {
      Path actual = running == null ? null : running.outputs().logfile(which);
      logfile = actual == null ? "auto" : actual.toString();
    } else {
      logfile = "none";
    }
    return new ConfigInfo.StreamConfigInfo(
        logfile,
        s.logfileMaxbytes(),
        s.logfileBackups(),
        s.captureMaxbytes(),
        s.eventsEnabled(),
        s.syslog());
  }
}
