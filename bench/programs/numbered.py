"""Writes "NAME 1", "NAME 2", ... one line per write(2), without end: RATE lines a second (0 = as
fast as the pipe takes them). A write to a pipe whose reader is gone ends it as SIGPIPE ends a C
program or a shell; SIGTERM ends it too. Either way it first appends "PID N" to the file COUNTS (if
given): N is the last line it wrote whole, so a reader can tell exactly which lines were lost."""
import os
import signal
import sys
import time

name, rate = sys.argv[1].encode(), float(sys.argv[2])
counts = sys.argv[3] if len(sys.argv) > 3 else None
pause = 1.0 / rate if rate > 0 else 0.0
stopping = []
signal.signal(signal.SIGTERM, lambda *_: stopping.append(signal.SIGTERM))
signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # EPIPE instead, so the count is recorded first


def end(signum, done):
    if counts:
        with open(counts, "a") as f:
            f.write("%d %d\n" % (os.getpid(), done))
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


done = 0
due = time.monotonic()
while True:
    try:
        os.write(1, b"%s %d\n" % (name, done + 1))
    except BrokenPipeError:
        end(signal.SIGPIPE, done)
    done += 1
    if stopping:
        end(signal.SIGTERM, done)
    if pause:
        due += pause
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
