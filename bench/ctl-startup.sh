#!/usr/bin/env bash
# Whole-process wall time of `ctl status` variants against one server, interleaved round by round
# (so a load change on a shared machine hits every variant alike); prints each variant's median.
# usage: bench/ctl-startup.sh CONF ROUNDS 'label=command' ...
set -euo pipefail
conf=$1 rounds=$2
shift 2
declare -A times
labels=()
for spec in "$@"; do labels+=("${spec%%=*}"); done
for ((r = 0; r < rounds; r++)); do
  for spec in "$@"; do
    label=${spec%%=*} cmd=${spec#*=}
    start=$(date +%s%N)
    eval "$cmd" >/dev/null 2>&1 || true
    times[$label]+="$(( ($(date +%s%N) - start) / 1000 )) "
  done
done
for label in "${labels[@]}"; do
  # shellcheck disable=SC2086
  printf '%-28s median %6.1f ms  (%d runs)\n' "$label" \
    "$(printf '%s\n' ${times[$label]} | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)/1000}')" "$rounds"
done
