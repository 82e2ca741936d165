package dev.tend.cli;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.FakeSupervisorApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@link ServerLink} to a {@link FakeSupervisorApi}, and sessions on it writing to a buffer. */
final class FakeLink implements ServerLink {
  private final FakeSupervisorApi fake;

  FakeLink(FakeSupervisorApi fake) {
    this.fake = fake;
  }

  static CtlSession session(
      FakeSupervisorApi fake, UserInput input, ByteArrayOutputStream out, boolean colour) {
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    FakeLink link = new FakeLink(fake);
    return new CtlSession(
        new CtlSession.Settings("unix:///x.sock", null, null, false, colour),
        (url, user, pass) -> link,
        input,
        ps,
        ps);
  }

  @Override
  public SupervisorApi api() {
    return fake;
  }

  @Override
  public LogFollow logtail(String namespec, LogStream stream, LogListener listener) {
    return fake.followProcessLog(namespec, stream, 1024, listener);
  }

  @Override
  public LogFollow mainLogtail(LogListener listener) {
    throw new UnsupportedOperationException("the fake has no main log stream");
  }

  @Override
  public void close() {}
}
