package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What tend says on systemd's notification socket (here a datagram socket of the test's): each fd
 * stored in its own message with its name and FDPOLL=0, removed by name, READY=1; and which of the
 * fds handed back at start are tend's.
 */
class SystemdNotifierIT {
  private final String name =
      "@tend-notify-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  @Test
  void eachFdIsStoredUnderItsNameWithoutPollingAndRemovedByName() throws Exception {
    try (UnixSocket systemd = UnixSocket.datagramBound(name);
        SystemdNotifier n =
            SystemdNotifier.of(Map.of("NOTIFY_SOCKET", name, "FDSTORE", "64")).orElseThrow()) {
      assertEquals(64, n.capacity());
      Pipe out = Pipe.open(0);
      int self = (int) ProcessHandle.current().pid();
      int pidfd = Pidfd.open(self);
      n.hold(self, 42, pidfd, new HeldPipes(out.readFd(), -1, -1));
      FdMessage first = systemd.receive(5000);
      FdMessage second = systemd.receive(5000);
      assertEquals("FDSTORE=1\nFDPOLL=0\nFDNAME=tend." + self + ".42.pid", first.text());
      assertEquals(1, first.fds().length);
      assertEquals(self, PidHandle.pidOf(first.fds()[0]), "a copy of the pidfd");
      assertEquals("FDSTORE=1\nFDPOLL=0\nFDNAME=tend." + self + ".42.out", second.text());
      n.release(self, 42);
      List<String> removals = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        removals.add(systemd.receive(5000).text());
      }
      assertEquals("FDSTOREREMOVE=1\nFDNAME=tend." + self + ".42.out", removals.get(1));
      n.ready();
      assertTrue(systemd.receive(5000).text().startsWith("READY=1"));
      for (int fd :
          new int[] {first.fds()[0], second.fds()[0], pidfd, out.readFd(), out.writeFd()}) {
        LibC.close(fd);
      }
    }
  }

  @Test
  void onlyTendsNamesAreTakenBack() {
    assertArrayEquals(new String[] {"12.345", "out"}, SystemdNotifier.parse("tend.12.345.out"));
    assertNull(SystemdNotifier.parse("other.12.345.out"));
    assertNull(SystemdNotifier.parse("tend.12.345.bogus"));
    assertNull(SystemdNotifier.parse("tend.x.345.out"));
  }

  @Test
  void fdsHandedToAnotherPidAreNotTaken() {
    assertEquals(
        Map.of(),
        SystemdNotifier.takeBack(
            Map.of("LISTEN_PID", "1", "LISTEN_FDS", "1", "LISTEN_FDNAMES", "tend.1.2.out")));
  }
}
