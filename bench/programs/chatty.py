"""A chatty program: one 64-byte line on stdout every INTERVAL_MS (default 10), forever."""
import os
import sys
import time

interval = (int(sys.argv[1]) if len(sys.argv) > 1 else 10) / 1000.0
n = 0
deadline = time.monotonic()
while True:
    line = b"chatty line %010d " % n
    os.write(1, line + b"." * (63 - len(line)) + b"\n")
    n += 1
    deadline += interval
    pause = deadline - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    else:
        deadline = time.monotonic()  # fell behind: do not burst to catch up
