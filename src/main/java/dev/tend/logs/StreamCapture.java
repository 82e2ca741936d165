package dev.tend.logs;

import dev.tend.api.LogStream;
import dev.tend.api.PythonText;
import dev.tend.config.StreamConfig;
import dev.tend.platform.OutputSink;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures one stream of one spawn of a process, doing what supervisord's output dispatcher does
 * with each read: capture mode (spec §6.3), strip_ansi, the DEBG copy to the main log (through this
 * class's slf4j logger, only while its debug level is on), {@code PROCESS_LOG_*} events, syslog,
 * then the log file and the tail buffer; plus tend's {@code *_logfile_timestamps} line prefixes.
 *
 * <p>Called on the platform's I/O thread. It blocks on nothing but the file write, keeps every byte
 * it is given (a byte held back, such as a possible partial token, is passed on with the next read
 * or at end of file), and allocates nothing per read on the plain path (no stripping, capture,
 * timestamps, syslog, events or main-log copy).
 */
public final class StreamCapture implements OutputSink {
  private static final Logger MAIN_LOG = LoggerFactory.getLogger(StreamCapture.class);

  private final StreamLog log;
  private final String processName;
  private final LogStream stream;
  private final LogEvents events;
  private final @Nullable AnsiStripper stripper;
  private final @Nullable CaptureSplitter splitter;
  private final @Nullable CaptureBlock block;
  private final @Nullable SyslogLines syslog;
  private final OutputEcho echo;
  private final OutputBatch batch;
  private final boolean plain;
  private final boolean direct;
  private final ByteStage textOut = this::textOut;
  private final ByteStage capturedOut = this::capturedOut;
  private final CaptureSplitter.Target pieces = new Pieces();

  // I/O thread: whether the current read is echoed (main-log copy or events), fixed per read.
  private boolean echoing;
  // I/O thread: onEof was called; later calls are ignored.
  private boolean ended;

  StreamCapture(
      StreamLog log,
      String processName,
      LogStream stream,
      StreamConfig config,
      boolean stripAnsi,
      LogEvents events,
      SyslogWriter syslogWriter,
      Clock clock) {
    this.log = log;
    this.processName = processName;
    this.stream = stream;
    this.events = events;
    this.stripper = stripAnsi ? new AnsiStripper() : null;
    this.splitter = config.captureMaxbytes() > 0 ? new CaptureSplitter() : null;
    this.block = config.captureMaxbytes() > 0 ? new CaptureBlock(config.captureMaxbytes()) : null;
    this.syslog = config.syslog() ? new SyslogLines(processName, syslogWriter) : null;
    this.echo = new OutputEcho(processName, stream, MAIN_LOG, events, config.eventsEnabled());
    LineStamp stamp = config.timestamps() ? new LineStamp(clock) : null;
    this.batch = new OutputBatch(log::append, stamp);
    this.direct = stripper == null && splitter == null && stamp == null;
    this.plain = direct && syslog == null;
  }

  public LogStream stream() {
    return stream;
  }

  @Override
  public void onData(ByteBuffer data) {
    if (ended || !data.hasRemaining()) {
      data.position(data.limit());
      return;
    }
    echoing = echo.active();
    if (plain && !echoing) {
      log.append(data);
      return;
    }
    try {
      if (splitter != null) {
        splitter.split(data, pieces);
      } else {
        toText(data);
      }
    } finally {
      endOfRead(); // a batch never outlives its read
    }
  }

  @Override
  public boolean urgent() {
    return log.urgent();
  }

  @Override
  public void onEof() {
    if (ended) {
      return;
    }
    ended = true;
    echoing = echo.active();
    if (splitter != null) {
      splitter.finish(pieces);
    }
    if (stripper != null) {
      stripper.finish(current());
    }
    if (splitter != null && block != null && splitter.capturing()) {
      // The child ended inside a block: no event, but its bytes are kept in the log as they came.
      store(ByteBuffer.wrap(CaptureSplitter.BEGIN));
      store(ByteBuffer.wrap(block.take()));
    }
    endOfRead();
    if (syslog != null) {
      syslog.finish();
    }
    log.detachSink();
  }

  private void endOfRead() {
    if (!direct) {
      batch.flush();
    }
    if (echoing) {
      echo.flush();
    }
  }

  private ByteStage current() {
    return splitter != null && splitter.capturing() ? capturedOut : textOut;
  }

  private void toText(ByteBuffer data) {
    if (stripper != null) {
      stripper.strip(data, textOut);
    } else {
      textOut(data);
    }
  }

  /** Output outside capture blocks, after stripping: echo, syslog, then file and tail buffer. */
  private void textOut(ByteBuffer data) {
    int start = data.position();
    if (echoing) {
      echo.accept(data);
      data.position(start);
    }
    if (syslog != null) {
      syslog.accept(data);
      data.position(start);
    }
    store(data);
  }

  /** Output inside a capture block, after stripping: echoed as supervisord does, then kept. */
  private void capturedOut(ByteBuffer data) {
    if (echoing) {
      int start = data.position();
      echo.accept(data);
      data.position(start);
    }
    if (block != null) {
      block.add(data);
    }
  }

  private void store(ByteBuffer data) {
    if (direct) {
      log.append(data);
    } else {
      batch.accept(data);
    }
  }

  private void blockToggled(boolean capturing) {
    if (stripper != null) {
      // supervisord strips each piece on its own: an escape does not run across a token.
      stripper.finish(capturing ? textOut : capturedOut);
    }
    if (echoing) {
      echo.flush();
    }
    if (!capturing && block != null) {
      events.processCommunication(stream, block.take());
      if (MAIN_LOG.isDebugEnabled()) {
        MAIN_LOG.debug(
            PythonText.repr(processName) + " " + stream.word() + " emitted a comm event");
      }
    }
  }

  /** Receives the capture splitter's pieces. */
  private final class Pieces implements CaptureSplitter.Target {
    @Override
    public void text(ByteBuffer data) {
      toText(data);
    }

    @Override
    public void captured(ByteBuffer data) {
      if (stripper != null) {
        stripper.strip(data, capturedOut);
      } else {
        capturedOut(data);
      }
    }

    @Override
    public void toggled(boolean capturing) {
      blockToggled(capturing);
    }
  }
}
