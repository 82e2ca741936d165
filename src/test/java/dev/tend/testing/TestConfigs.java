package dev.tend.testing;

import dev.tend.config.Autorestart;
import dev.tend.config.CtlConfig;
import dev.tend.config.GroupConfig;
import dev.tend.config.GroupKind;
import dev.tend.config.LogFileSpec;
import dev.tend.config.LogLevel;
import dev.tend.config.Origin;
import dev.tend.config.ProcessConfig;
import dev.tend.config.StreamConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.SupervisordConfig;
import dev.tend.config.TendSettings;
import dev.tend.platform.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Config records with supervisord's defaults, for tests that do not read a file. */
public final class TestConfigs {
  private TestConfigs() {}

  public static final StreamConfig NO_LOG =
      new StreamConfig(LogFileSpec.NONE, 50 * 1024 * 1024, 10, 0, false, false, false);

  /** A program's one process with supervisord's defaults, and the given command. */
  public static ProcessConfig process(String name, String command) {
    return new ProcessConfig(
        name,
        name,
        0,
        command,
        null,
        null,
        999,
        true,
        Autorestart.UNEXPECTED,
        1,
        3,
        List.of(0),
        Signal.TERM,
        10,
        false,
        false,
        null,
        null,
        false,
        NO_LOG,
        NO_LOG,
        Map.of(),
        null,
        new Origin(Path.of("test.conf"), 1, "program:" + name),
        TendSettings.NONE);
  }

  /** A copy with record components changed through a builder-ish function. */
  public static ProcessConfig with(ProcessConfig p, UnaryOperator<Builder> change) {
    return change.apply(new Builder(p)).build();
  }

  public static GroupConfig program(ProcessConfig p) {
    return new GroupConfig(
        p.programName(), GroupKind.PROGRAM, p.priority(), List.of(p), null, null);
  }

  public static GroupConfig group(String name, int priority, ProcessConfig... members) {
    List<ProcessConfig> list = new ArrayList<>(List.of(members));
    list.sort(Comparator.comparingInt(ProcessConfig::priority).thenComparing(ProcessConfig::name));
    return new GroupConfig(name, GroupKind.HETEROGENEOUS, priority, list, null, null);
  }

  public static SupervisordConfig supervisord() {
    return new SupervisordConfig(
        Path.of("/tmp/supervisord.log"),
        false,
        50 * 1024 * 1024,
        10,
        LogLevel.INFO,
        Path.of("/tmp/supervisord.pid"),
        022,
        true,
        false,
        1024,
        200,
        false,
        Path.of("/tmp"),
        null,
        null,
        null,
        false,
        Map.of(),
        "supervisor",
        List.of());
  }

  public static SupervisorConfig config(GroupConfig... groups) {
    List<GroupConfig> list = new ArrayList<>(List.of(groups));
    list.sort(Comparator.comparingInt(GroupConfig::priority).thenComparing(GroupConfig::name));
    return new SupervisorConfig(
        Path.of("/tmp/test.conf"),
        List.of(),
        supervisord(),
        List.of(),
        List.of(),
        CtlConfig.defaults(),
        List.of(),
        list,
        List.of());
  }

  /** Mutable copy of a ProcessConfig's fields; tests change what they need. */
  public static final class Builder {
    public String name;
    public String command;
    public int priority;
    public boolean autostart;
    public Autorestart autorestart;
    public int startsecs;
    public int startretries;
    public List<Integer> exitcodes;
    public Signal stopsignal;
    public int stopwaitsecs;
    public boolean stopasgroup;
    public boolean killasgroup;
    public boolean redirectStderr;
    public Map<String, String> environment;
    public TendSettings tend;
    private final ProcessConfig p;

    Builder(ProcessConfig p) {
      this.p = p;
      name = p.name();
      command = p.command();
      priority = p.priority();
      autostart = p.autostart();
      autorestart = p.autorestart();
      startsecs = p.startsecs();
      startretries = p.startretries();
      exitcodes = p.exitcodes();
      stopsignal = p.stopsignal();
      stopwaitsecs = p.stopwaitsecs();
      stopasgroup = p.stopasgroup();
      killasgroup = p.killasgroup();
      redirectStderr = p.redirectStderr();
      environment = p.environment();
      tend = p.tend();
    }

    public Builder tend(TendSettings v) {
      tend = v;
      return this;
    }

    public Builder startsecs(int v) {
      startsecs = v;
      return this;
    }

    public Builder startretries(int v) {
      startretries = v;
      return this;
    }

    public Builder autorestart(Autorestart v) {
      autorestart = v;
      return this;
    }

    public Builder autostart(boolean v) {
      autostart = v;
      return this;
    }

    public Builder priority(int v) {
      priority = v;
      return this;
    }

    public Builder stopwaitsecs(int v) {
      stopwaitsecs = v;
      return this;
    }

    public Builder stopasgroup(boolean v) {
      stopasgroup = v;
      killasgroup = v || killasgroup;
      return this;
    }

    public Builder killasgroup(boolean v) {
      killasgroup = v;
      return this;
    }

    public Builder exitcodes(Integer... v) {
      exitcodes = List.of(v);
      return this;
    }

    public Builder command(String v) {
      command = v;
      return this;
    }

    public Builder environment(Map<String, String> v) {
      environment = v;
      return this;
    }

    ProcessConfig build() {
      return new ProcessConfig(
          name,
          p.programName(),
          p.processNum(),
          command,
          p.directory(),
          p.umask(),
          priority,
          autostart,
          autorestart,
          startsecs,
          startretries,
          exitcodes,
          stopsignal,
          stopwaitsecs,
          stopasgroup,
          killasgroup,
          p.uid(),
          p.user(),
          redirectStderr,
          p.stdout(),
          p.stderr(),
          environment,
          p.serverurl(),
          p.origin(),
          tend);
    }
  }
}
