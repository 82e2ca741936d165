package dev.tend.cli;

import java.io.IOException;

/** Test fixture: code outside SshProcess that starts a process, which the rules must reject. */
public final class CliThatStartsAProcess {
  public Process start() throws IOException {
    return new ProcessBuilder("true").start();
  }
}
