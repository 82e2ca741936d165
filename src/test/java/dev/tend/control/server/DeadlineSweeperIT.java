package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.control.xmlrpc.XmlRpcEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deadline sweeper under many new connections. */
class DeadlineSweeperIT {
  @TempDir Path dir;

  @Test
  void newConnectionsDoNotEachWakeTheSweeperToWalkAllTheOthers() throws Exception {
    Path sock = dir.resolve("s.sock");
    List<RawHttp> kept = new ArrayList<>();
    try (ControlServer s =
        ControlServer.start(
            new RecordingSupervisorApi(),
            ServerConfigs.with(
                List.of(ServerConfigs.unix(sock, 0700, null)), List.of(), dir.resolve("main.log")),
            m -> {},
            ServerLimits.DEFAULTS)) {
      long t0 = System.nanoTime();
      int n = 200;
      for (int i = 0; i < n; i++) {
        RawHttp http = RawHttp.unix(sock);
        kept.add(http);
        http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call("supervisor.getPID", List.of())));
        assertEquals(200, http.read().status());
      }
      assertEquals(n, s.connections());
      long elapsed = System.nanoTime() - t0;
      // one wake from its sleep for good, then one per shortest timeout (10 s) at most; a wake
      // per new connection was O(n) each
      long allowed = 2 + elapsed / ServerLimits.DEFAULTS.shortestTimeout().toNanos();
      long sweeps = s.deadlineSweeps();
      assertTrue(sweeps <= allowed, sweeps + " sweeps for " + n + " connections");
    } finally {
      for (RawHttp h : kept) {
        h.close();
      }
    }
  }
}
