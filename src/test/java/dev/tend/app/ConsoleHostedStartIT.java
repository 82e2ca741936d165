package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.TendCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tend -c FILE} when nothing answers: the console starts a daemon on the file. */
class ConsoleHostedStartIT {
  @TempDir Path dir;

  @Test
  void aDaemonThatCannotLoadItsConfigIsExplainedByItsOwnErrorLines() throws Exception {
    Path conf = dir.resolve("site.conf");
    Files.writeString(
        conf,
        """
        [supervisord]
        logfile=%1$s/missing/main.log
        pidfile=%1$s/daemon.pid
        [unix_http_server]
        file=%1$s/s.sock
        [supervisorctl]
        serverurl=unix://%1$s/s.sock
        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
        [program:web]
        command=sleep 100
        """
            .formatted(dir));
    TendCommand.Result r = TendCommand.run(dir, "-c", conf.toString());
    assertEquals(2, r.exit(), r.err());
    String expected =
        "Error: The directory named as part of the path "
            + dir.resolve("missing/main.log")
            + " does not exist\n    at "
            + conf
            + " line 2, [supervisord] logfile = "
            + dir.resolve("missing/main.log")
            + "\n";
    assertTrue(r.err().endsWith(expected), r.err());
    assertFalse(r.err().contains("ended before it was ready"), r.err());
  }
}
