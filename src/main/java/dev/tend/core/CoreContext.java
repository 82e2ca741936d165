package dev.tend.core;

import dev.tend.config.ProcessConfig;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * What every process's state machine shares: the loop and clock, how children are made, the trees
 * of stopped groups, and the events. Made once, before any process, from parts that know nothing of
 * processes; each process is also given its {@link ProcessHost}. Loop thread only (the fields are
 * immutable; what they point at has its own rules).
 *
 * @param zone the time zone of the descriptions ({@code Jan 01 12:00 PM})
 * @param retryPolicies each process's {@link StartRetryPolicy}, from its config
 * @param probes how readiness and health checks are run
 */
record CoreContext(
    CoreLoop loop,
    CoreClock clock,
    ZoneId zone,
    Spawner spawner,
    ProcessTrees trees,
    EventHub events,
    Function<ProcessConfig, StartRetryPolicy> retryPolicies,
    Probes probes) {}
