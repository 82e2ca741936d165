package dev.tend.app;

import dev.tend.testing.RealSupervisord;
import java.nio.file.Path;

/** {@link CtlParityIT} with a tend daemon on the other side: supervisorctl and tend ctl agree. */
class CtlParityTendDaemonIT extends CtlParityIT {
  @Override
  RealSupervisord daemon(Path dir) {
    return RealSupervisord.in(dir).tendDaemon();
  }
}
