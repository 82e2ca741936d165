package dev.tend.control.client.ssh;

import dev.tend.control.client.ssh.SshFailure.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The forwards of one master's life: for each remote socket, the local socket in the master's
 * private directory. Requests that come while a forwarding client runs wait and go together in the
 * next one ({@code ssh -O forward -L a -L b ...}), so 20 servers asked at once cost two ssh runs,
 * not 20.
 */
final class Forwards {
  /** Runs a client of the master. */
  @FunctionalInterface
  interface Client {
    SshProcess.Finished run(List<String> argv) throws SshFailure;
  }

  private record Request(RemoteSocket remote, Path local, CompletableFuture<Path> done) {}

  private final SshTarget target;
  private final SshCommand command;
  private final Path dir;
  private final Client client;
  private final Map<RemoteSocket, CompletableFuture<Path>> made =
      new HashMap<>(); // guarded by this
  private final List<Request> queued = new ArrayList<>(); // guarded by this; not yet asked for
  private boolean asking; // guarded by this; a thread runs clients until the queue is empty
  private int count; // guarded by this; names the next local socket
  private boolean closed; // guarded by this; the master ended

  Forwards(SshTarget target, SshCommand command, Path dir, Client client) {
    this.target = target;
    this.command = command;
    this.dir = dir;
    this.client = client;
  }

  /** The local socket forwarded to {@code remote}; waits while it is being made. */
  Path forward(RemoteSocket remote) throws SshFailure {
    CompletableFuture<Path> done;
    boolean lead = false;
    synchronized (this) {
      if (closed) {
        throw new SshFailure(Kind.LOST, "the ssh connection to " + target + " ended", "");
      }
      done = made.get(remote);
      if (done == null) {
        done = new CompletableFuture<>();
        made.put(remote, done);
        queued.add(new Request(remote, dir.resolve("s" + ++count), done));
        lead = !asking;
        asking = true;
      }
    }
    if (lead) {
      askUntilDone();
    }
    return await(done);
  }

  private void askUntilDone() {
    while (true) {
      List<Request> batch;
      synchronized (this) {
        if (queued.isEmpty()) {
          asking = false;
          return;
        }
        batch = new ArrayList<>(queued);
        queued.clear();
      }
      ask(batch);
    }
  }

  private void ask(List<Request> batch) {
    List<Path> locals = new ArrayList<>(batch.size());
    List<RemoteSocket> remotes = new ArrayList<>(batch.size());
    for (Request r : batch) {
      locals.add(r.local());
      remotes.add(r.remote());
    }
    SshFailure failure;
    try {
      SshProcess.Finished f =
          client.run(command.forward(target, dir.resolve("m"), locals, remotes));
      failure =
          f.exit() == 0
              ? null
              : new SshFailure(
                  Kind.FAILED,
                  "ssh could not forward " + remotes + " from " + target,
                  SshWords.quote(f.stderr()));
    } catch (SshFailure | RuntimeException e) {
      failure =
          e instanceof SshFailure s
              ? s
              : new SshFailure(Kind.FAILED, "forwarding failed", e.toString());
    }
    for (Request r : batch) {
      if (failure == null) {
        r.done().complete(r.local());
      } else {
        forget(r);
        r.done().completeExceptionally(failure);
      }
    }
  }

  private synchronized void forget(Request r) {
    made.remove(r.remote(), r.done()); // asked again later, it is tried again
  }

  private static Path await(CompletableFuture<Path> done) throws SshFailure {
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshFailure(Kind.FAILED, "interrupted while ssh forwarded a socket", "");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SshFailure f) {
        throw f;
      }
      throw new SshFailure(Kind.FAILED, "forwarding failed", String.valueOf(e.getCause()));
    }
  }

  /** The master ended: nothing more is made, and whoever waits hears so. */
  void close() {
    List<Request> left;
    synchronized (this) {
      closed = true;
      left = new ArrayList<>(queued);
      queued.clear();
    }
    for (Request r : left) {
      r.done()
          .completeExceptionally(
              new SshFailure(Kind.LOST, "the ssh connection to " + target + " ended", ""));
    }
  }
}
