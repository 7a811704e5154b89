#!/usr/bin/env bash
# CPU time per process over an interval, as a share of one core (200 % = both cores of a 2-core machine), busiest first.
# Usage: scripts/cpu-by-process.sh [seconds=20]   (run it while a benchmark level is under way)
set -euo pipefail
seconds=${1:-20}
ticks=$(getconf CLK_TCK)
snapshot() {
  for stat in /proc/[0-9]*/stat; do
    pid=${stat#/proc/}; pid=${pid%/stat}
    read -r line < "$stat" 2>/dev/null || continue
    rest=${line##*) }
    read -r -a fields <<< "$rest"
    # utime and stime are fields 14 and 15 of /proc/PID/stat, 12 and 13 after the command name
    echo "$pid $(( fields[11] + fields[12] ))"
  done
}
before=$(snapshot)
sleep "$seconds"
after=$(snapshot)
shares=$(join <(sort -k1,1 <<< "$before") <(sort -k1,1 <<< "$after") \
  | awk -v s="$seconds" -v t="$ticks" '{ d = $3 - $2; if (d > 0) printf "%d %.1f\n", $1, 100 * d / t / s }' | sort -k2,2 -rn)
head -15 <<< "$shares" | while read -r pid share; do
  [ -n "$pid" ] || continue
  printf '%6.1f %%  %s\n' "$share" "$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-100)"
done
awk '{ total += $2 } END { printf "total %.1f %% of one core\n", total }' <<< "$shares"
