package dev.tend.control.server;

import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /RPC2}: reads the body within the size and time limits, runs the call, answers with
 * {@code text/xml}. Runs on a virtual thread, so a call that waits (start with wait, a long-poll)
 * holds no platform thread; while it waits the connection is not idle.
 */
final class RpcExchange implements ControlHandler.Route {
  private static final Logger log = LoggerFactory.getLogger(RpcExchange.class);

  private final RpcEndpoint endpoint;
  private final ServerLimits limits;
  private final PendingAnswers pending;

  RpcExchange(RpcEndpoint endpoint, ServerLimits limits, PendingAnswers pending) {
    this.endpoint = endpoint;
    this.limits = limits;
    this.pending = pending;
  }

  @Override
  public void serve(Request request, Response response, Callback callback) {
    long declared = request.getLength();
    if (declared > limits.maxBodyBytes()) {
      refuse(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
      return;
    }
    Body body;
    try {
      body = readBody(request);
    } catch (TimeoutException e) {
      refuse(response, callback, HttpStatus.REQUEST_TIMEOUT_408);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e);
      return;
    } catch (IOException e) {
      // a body that ends early (the client gave up) or breaks HTTP's framing: refuse, never 500
      refuse(response, callback, e.getCause() instanceof HttpException h ? h.getCode() : 400);
      return;
    }
    if (body == null) {
      refuse(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
      return;
    }
    // the call may wait (for a process to start, for changes): that is not an idle connection
    request.addIdleTimeoutListener(timeout -> false);
    MethodCall call;
    try {
      call = endpoint.parse(body.bytes, body.length);
    } catch (XmlRpcParseException e) {
      log.debug("XML-RPC request refused: {}", e.getMessage());
      ErrorPages.send(response, callback, HttpStatus.BAD_REQUEST_400);
      return;
    }
    if (!endpoint.isLongPoll(call)) {
      pending.begin();
      Request.addCompletionListener(request, failure -> pending.end());
    }
    byte[] reply = endpoint.respond(call);
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length);
    response.write(true, ByteBuffer.wrap(reply), callback);
  }

  private record Body(byte[] bytes, int length) {}

  /** The whole body, or null when it exceeds the limit; within the request deadline. */
  private @Nullable Body readBody(Request request)
      throws IOException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + limits.requestDeadline().toNanos();
    int max = limits.maxBodyBytes();
    long declared = request.getLength();
    byte[] buf = new byte[declared >= 0 ? (int) declared : 4096];
    int length = 0;
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        request.demand(() -> ready.complete(null));
        long left = deadline - System.nanoTime();
        try {
          ready.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          throw new IOException("reading the request failed", e.getCause());
        }
        continue;
      }
      try {
        if (Content.Chunk.isFailure(chunk)) {
          throw new IOException("reading the request failed", chunk.getFailure());
        }
        ByteBuffer data = chunk.getByteBuffer();
        int n = data.remaining();
        if (length + (long) n > max) {
          return null;
        }
        if (length + n > buf.length) {
          buf = Arrays.copyOf(buf, Math.min(max, Math.max(length + n, buf.length * 2)));
        }
        data.get(buf, length, n);
        length += n;
        if (chunk.isLast()) {
          return new Body(buf, length);
        }
      } finally {
        chunk.release();
      }
    }
  }

  /** An error page, and the connection closed: the rest of the body is not worth reading. */
  private static void refuse(Response response, Callback callback, int status) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    ErrorPages.send(response, callback, status);
  }
}
