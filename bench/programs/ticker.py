"""Waits for GO_FILE, then writes COUNT lines, each time.monotonic_ns() when written, one every
INTERVAL_MS plus up to 5 ms of jitter; then sleeps so the program stays RUNNING."""
import os
import random
import sys
import time

count, interval, go = int(sys.argv[1]), int(sys.argv[2]) / 1000.0, sys.argv[3]
while not os.path.exists(go):
    time.sleep(0.005)
rng = random.Random(8)
for _ in range(count):
    time.sleep(interval + rng.random() * 0.005)
    os.write(1, b"%d\n" % time.monotonic_ns())
time.sleep(100000)
