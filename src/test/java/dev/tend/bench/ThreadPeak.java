package dev.tend.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The most threads a daemon had while something ran: /proc sampled every 20 ms. */
final class ThreadPeak {
  private final AtomicInteger most = new AtomicInteger();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread sampler;

  private ThreadPeak(DaemonRun d) {
    this.sampler =
        Thread.ofPlatform()
            .daemon()
            .name("faults-thread-peak")
            .start(
                () -> {
                  while (!stop.get()) {
                    most.accumulateAndGet(d.sample().threads(), Math::max);
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  static ThreadPeak watch(DaemonRun d) {
    return new ThreadPeak(d);
  }

  /** Stops sampling; the most threads seen. */
  int stop() throws InterruptedException {
    stop.set(true);
    sampler.join();
    return most.get();
  }
}
