package dev.tend.core;

import dev.tend.api.Health;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.config.EventListenerConfig;
import dev.tend.config.GroupConfig;
import dev.tend.logs.LogEvents;
import dev.tend.platform.OutputSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where supervisord's events (spec §6) are made and handed to the event listener pools that
 * subscribe to them; also the TICK clock. Loop thread only, except {@link #logEventsFor}'s
 * callbacks, which come from the I/O thread and post here. With no pool, publishing costs a lookup
 * and nothing is allocated.
 */
final class EventHub {
  private static final int[] TICK_PERIODS = {5, 60, 3600};

  private final CoreLoop loop;
  private final CoreClock clock;
  private final String identifier;
  private final Map<String, EventListenerPool> pools = new LinkedHashMap<>();
  private final Map<ProcessRuntime, EventListenerPool> poolOf = new IdentityHashMap<>();
  // The last serial given out; -1 before the first.
  private long serial = -1;
  // Last tick slice per period; the pending tick timer, when any pool listens to ticks.
  private final Map<Integer, Long> lastTick = new LinkedHashMap<>();
  private CoreLoop.@Nullable Timer tickTimer;
  // Read on the I/O thread: whether PROCESS_LOG / PROCESS_COMMUNICATION events are wanted at all.
  private volatile boolean wantsOutputEvents;

  EventHub(CoreLoop loop, CoreClock clock, String identifier) {
    this.loop = loop;
    this.clock = clock;
    this.identifier = identifier;
  }

  void assignSerial(PendingEvent event) {
    if (event.serial < 0) {
      serial = serial == Long.MAX_VALUE ? 0 : serial + 1;
      event.serial = serial;
    }
  }

  // -- pools --

  void addPool(GroupConfig config, EventListenerConfig listener, List<ProcessRuntime> members) {
    List<EventType> types = new ArrayList<>();
    for (String name : listener.events()) {
      EventType.byName(name).ifPresent(types::add);
    }
    EventListenerPool pool = new EventListenerPool(config, types, identifier, loop, this);
    for (ProcessRuntime p : members) {
      pool.add(p);
      poolOf.put(p, pool);
    }
    pools.put(config.name(), pool);
    subscriptionsChanged();
  }

  void removePool(String name) {
    EventListenerPool pool = pools.remove(name);
    if (pool != null) {
      poolOf.values().removeIf(p -> p == pool);
      subscriptionsChanged();
    }
  }

  private void subscriptionsChanged() {
    wantsOutputEvents =
        pools.values().stream()
            .anyMatch(
                p ->
                    p.subscribes(EventType.PROCESS_LOG_STDOUT)
                        || p.subscribes(EventType.PROCESS_LOG_STDERR)
                        || p.subscribes(EventType.PROCESS_COMMUNICATION_STDOUT)
                        || p.subscribes(EventType.PROCESS_COMMUNICATION_STDERR));
    boolean ticks =
        pools.values().stream()
            .anyMatch(
                p ->
                    p.subscribes(EventType.TICK_5)
                        || p.subscribes(EventType.TICK_60)
                        || p.subscribes(EventType.TICK_3600));
    if (ticks && tickTimer == null) {
      long now = clock.wallMillis() / 1000;
      for (int period : TICK_PERIODS) {
        lastTick.put(period, now - now % period);
      }
      scheduleTick();
    } else if (!ticks && tickTimer != null) {
      tickTimer.cancel();
      tickTimer = null;
    }
  }

  @Nullable EventListenerPool poolOf(ProcessRuntime p) {
    return poolOf.get(p);
  }

  // -- publishing --

  void publish(EventType type, String payload) {
    PendingEvent event = null;
    for (EventListenerPool pool : pools.values()) {
      if (pool.subscribes(type)) {
        if (event == null) {
          event = new PendingEvent(type, payload);
        }
        pool.accept(event, false);
        pool.dispatch();
      }
    }
  }

  void processStateChanged(StateChange c, ProcessRuntime p) {
    if (!pools.isEmpty()) {
      publish(EventType.ofState(c.to()), stateChangePayload(c));
    }
    EventListenerPool own = poolOf.get(p);
    if (own != null && c.to() == ProcessState.RUNNING) {
      own.dispatch();
    }
  }

  static String stateChangePayload(StateChange c) {
    StringBuilder b =
        new StringBuilder()
            .append("processname:")
            .append(c.info().name())
            .append(" groupname:")
            .append(c.info().group())
            .append(" from_state:")
            .append(c.from().name());
    switch (c.to()) {
      case STARTING, BACKOFF -> b.append(" tries:").append(c.tries());
      case EXITED ->
          b.append(" expected:").append(c.expected() ? 1 : 0).append(" pid:").append(c.pid());
      case RUNNING, STOPPING, STOPPED -> b.append(" pid:").append(c.pid());
      default -> {}
    }
    return b.toString();
  }

  /**
   * tend's readiness events: {@code processname:web groupname:web pid:42 probe:ready_tcp} then
   * (after a newline) how the check went.
   */
  void readiness(ProcessRuntime p, boolean ready, String detail) {
    if (!pools.isEmpty()) {
      EventType type =
          ready ? EventType.TEND_PROCESS_READINESS_READY : EventType.TEND_PROCESS_READINESS_TIMEOUT;
      String probe = p.config().tend().readiness() == null ? "" : probeName(p, true);
      publish(type, head(p) + " probe:" + probe + "\n" + detail);
    }
  }

  /**
   * tend's health events, when a check changes the process's health: {@code processname:web
   * groupname:web pid:42 probe:health_http failures:3 action:restart} then the check's message.
   *
   * @param acting the settings whose action is taken now, or null when none is
   */
  void health(
      ProcessRuntime p, Health health, dev.tend.config.TendSettings.@Nullable Health acting) {
    if (pools.isEmpty()
        || (health.status() != Health.Status.HEALTHY
            && health.status() != Health.Status.UNHEALTHY)) {
      return;
    }
    EventType type =
        health.status() == Health.Status.HEALTHY
            ? EventType.TEND_PROCESS_HEALTH_HEALTHY
            : EventType.TEND_PROCESS_HEALTH_UNHEALTHY;
    String action = acting == null ? "none" : acting.action().toString();
    publish(
        type,
        head(p)
            + " probe:"
            + probeName(p, false)
            + " failures:"
            + health.failures()
            + " action:"
            + action
            + "\n"
            + health.message());
  }

  private static String head(ProcessRuntime p) {
    return "processname:" + p.name() + " groupname:" + p.group() + " pid:" + p.pid();
  }

  /** {@code ready_tcp}, {@code health_http}: the key of the probe. */
  private static String probeName(ProcessRuntime p, boolean readiness) {
    dev.tend.config.TendSettings t = p.config().tend();
    List<String> keys = t.keysInUse();
    String prefix = readiness ? "ready_" : "health_";
    return keys.stream().filter(k -> k.startsWith(prefix)).findFirst().orElse(prefix);
  }

  void groupAdded(String group) {
    publish(EventType.PROCESS_GROUP_ADDED, "groupname:" + group + "\n");
  }

  void groupRemoved(String group) {
    publish(EventType.PROCESS_GROUP_REMOVED, "groupname:" + group + "\n");
  }

  void supervisorRunning() {
    publish(EventType.SUPERVISOR_STATE_CHANGE_RUNNING, "");
  }

  void supervisorStopping() {
    publish(EventType.SUPERVISOR_STATE_CHANGE_STOPPING, "");
  }

  void remoteCommunication(String type, String data) {
    publish(EventType.REMOTE_COMMUNICATION, "type:" + type + "\n" + data);
  }

  // -- ticks: when the wall clock crosses a 5 s, 60 s or 3600 s boundary --

  private void scheduleTick() {
    long nowMillis = clock.wallMillis();
    long next = (nowMillis / 5000 + 1) * 5000;
    tickTimer = loop.schedule(next - nowMillis, this::tick);
  }

  private void tick() {
    long now = clock.wallMillis() / 1000;
    for (int period : TICK_PERIODS) {
      long slice = now - now % period;
      Long last = lastTick.get(period);
      if (last == null || slice != last) {
        lastTick.put(period, slice);
        publish(EventType.valueOf("TICK_" + period), "when:" + slice);
      }
    }
    scheduleTick();
  }

  // -- listeners' own processes --

  /** The stdout sink of a spawn: a listener's is also read for the protocol. */
  OutputSink stdoutFor(ProcessRuntime p, OutputSink logSink) {
    EventListenerPool pool = poolOf.get(p);
    if (pool == null) {
      return logSink;
    }
    ListenerProtocol protocol = pool.spawned(p);
    return new OutputSink() {
      @Override
      public void onData(ByteBuffer data) {
        ByteBuffer copy = data.duplicate();
        logSink.onData(data);
        protocol.feed(copy);
      }

      @Override
      public void onEof() {
        logSink.onEof();
      }
    };
  }

  void exited(ProcessRuntime p) {
    EventListenerPool pool = poolOf.get(p);
    if (pool != null) {
      pool.exited(p);
      pool.dispatch();
    }
  }

  // -- output events, from the I/O thread --

  /** PROCESS_LOG and PROCESS_COMMUNICATION events of one process's output. */
  LogEvents logEventsFor(java.util.function.Supplier<@Nullable ProcessRuntime> process) {
    return new LogEvents() {
      @Override
      public void processLog(LogStream stream, byte[] data) {
        if (wantsOutputEvents) {
          loop.execute(() -> output(process.get(), stream, data, false));
        }
      }

      @Override
      public void processCommunication(LogStream stream, byte[] data) {
        if (wantsOutputEvents) {
          loop.execute(() -> output(process.get(), stream, data, true));
        }
      }
    };
  }

  private void output(@Nullable ProcessRuntime p, LogStream stream, byte[] data, boolean comm) {
    if (p == null) {
      return;
    }
    String text = new String(data, StandardCharsets.UTF_8);
    String head = "processname:" + p.name() + " groupname:" + p.group() + " pid:" + p.pid();
    if (comm) {
      publish(
          stream == LogStream.STDOUT
              ? EventType.PROCESS_COMMUNICATION_STDOUT
              : EventType.PROCESS_COMMUNICATION_STDERR,
          head + "\n" + text);
    } else {
      publish(
          stream == LogStream.STDOUT ? EventType.PROCESS_LOG_STDOUT : EventType.PROCESS_LOG_STDERR,
          head + " channel:" + stream.word() + "\n" + text);
    }
  }
}
