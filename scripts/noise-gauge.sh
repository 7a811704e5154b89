#!/usr/bin/env bash
# The noise gauge of docs/benchmarks.md: for every chat-turn run at 100 streams recorded in that file's tables, the
# spread of TTFT direct (its p95 - p50, the machine's stretch of a two-hop path in that run) against the TTFT overhead
# p95; prints the correlation, the least-squares line and the runs by spread.
# Usage: scripts/noise-gauge.sh [docs/benchmarks.md]
set -euo pipefail
file=${1:-"$(dirname "$0")/../docs/benchmarks.md"}
awk -F'|' '
  # a pair cell "p50 / p95" (bold allowed); the POST column is a triple and does not match
  function pair(cell, parts) { gsub(/\*/, "", cell); gsub(/^ +| +$/, "", cell)
    return cell ~ /^[0-9.]+ \/ [0-9.]+$/ && split(cell, parts, " / ") == 2 }
  /^\|/ {
    n = 0; streams = 0
    for (i = 2; i < NF; i++) {
      cell = $i; gsub(/^ +| +$/, "", cell)
      if (i <= 3 && cell == "100") streams = 1
      if (pair($i, p)) { n++; lo[n] = p[1]; hi[n] = p[2] }
    }
    # columns in order: TTFT system, TTFT direct, TTFT overhead, RSS
    if (streams && n >= 4) { runs++; x[runs] = hi[2] - lo[2]; y[runs] = hi[3] }
  }
  END {
    if (runs < 3) { print "fewer than 3 runs found"; exit 1 }
    for (i = 1; i <= runs; i++) { sx += x[i]; sy += y[i] }
    mx = sx / runs; my = sy / runs
    for (i = 1; i <= runs; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ^ 2; syy += (y[i] - my) ^ 2 }
    b = sxy / sxx
    printf "%d runs at 100 streams; correlation %.2f; overhead p95 = %.1f ms + %.1f x direct spread\n", runs, sxy / sqrt(sxx * syy), my - b * mx, b
    split("0 2.5 3.05 3.55 5 99", edge, " ")
    for (k = 1; k < 6; k++) {
      c = 0; min = 1e9; max = 0
      for (i = 1; i <= runs; i++) if (x[i] >= edge[k] && x[i] < edge[k + 1]) { c++; if (y[i] < min) min = y[i]; if (y[i] > max) max = y[i] }
      if (c) printf "direct spread %.2f-%.2f ms: %d runs, overhead p95 %.1f-%.1f ms\n", edge[k], edge[k + 1], c, min, max
    }
  }' "$file"
