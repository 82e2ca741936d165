# shellcheck shell=bash
# The JVM options of tend's long-lived faces, in one place: bin/tend runs with them, and the console
# benchmarks (bin/console-bench, bin/log-bench) measure the console as bin/tend runs it.
# shellcheck disable=SC2034 # used by the scripts that source this

# Every face: the ctl path is short-lived and latency-bound; the daemon and console stay up.
tend_common_opts=(-XX:+UseSerialGC -XX:-UsePerfData -Xss512k --enable-native-access=ALL-UNNAMED)
# The console: a heap that gives back what a burst of log lines took (a 10 MB/s log grows it); C1
# only with one compiler thread, as the daemon: C2 compiling was most of its CPU in the first
# minutes watching 400 programs (5.7 to 2.6 % of a core) and 21 MiB of its RSS (88 to 67 MiB;
# bench/console-watch, bench/README.md).
# -ShrinkHeapInSteps: the full collection the console asks for once a burst is over (HeapAfterBurst;
# the daemon's is app.HeapGiveBack) gives the heap back at once; by default Serial shrinks 0 %,
# 10 %, 40 % of the excess at its first three, so one collection after a 10 MB/s burst left 232 MB
# committed (bin/log-bench).
tend_console_opts=(-Xms16m -Xmx512m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10
  -XX:-ShrinkHeapInSteps -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1)
