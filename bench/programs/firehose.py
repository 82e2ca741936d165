"""Writes TOTAL bytes to stdout as fast as the pipe takes them, in 64 KiB blocks, then exits.

Block i is 1024 lines of 64 bytes; its first 12 bytes are i in decimal, so lost, duplicated or
reordered blocks change the SHA-256 the harness expects (bench/README.md). Before the first
write it records time.monotonic_ns() (CLOCK_MONOTONIC, the clock of Java's System.nanoTime)
in START_FILE.
"""
import os
import sys
import time

total = int(sys.argv[1])
start_file = sys.argv[2]
BLOCK = 65536
template = b"".join(b"000000000000 %04d " % j + b"x" * 45 + b"\n" for j in range(1024))
assert len(template) == BLOCK
with open(start_file + ".tmp", "w") as f:
    f.write(str(time.monotonic_ns()))
os.rename(start_file + ".tmp", start_file)
blocks = total // BLOCK
for i in range(blocks):
    view = memoryview(b"%012d" % i + template[12:])
    while view:
        view = view[os.write(1, view):]
