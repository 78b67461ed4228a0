#!/bin/sh
# bench/run.sh — `make bench`: throughput and peak memory of jxc against
# the tools a user would otherwise use on the same content.
#
# For each size (10 MB, 100 MB; 1 GB too with BENCH_LARGE=1) jx-gen writes
# a synthetic plan shaped like the seed, and every command runs pinned to
# one core (taskset -c 0) under jx-timeit (bench/timeit.c): best wall time
# of BENCH_RUNS runs, and peak RSS.  Throughput is always in MB (10^6
# bytes) of jixiao SOURCE per second, also for the peers that read the
# equivalent JSON (about 3.2 times as many bytes), so the columns compare
# the same work.  Figures only: this script never fails a build, and a
# missing tool or back end is a visible "skipped" line.
#
# Environment: B (build dir, default build), BENCH_LARGE=1, BENCH_RUNS
# (default 3; 1 for the 1 GB input), BENCH_DATA (inputs, default $B/bench),
# BENCH_NO_NPM=1 (do not install ajv-cli).
set -u

B=${B:-build}
JXC=$B/jxc
GEN=$B/jx-gen
TIMEIT=$B/jx-timeit
DATA=${BENCH_DATA:-$B/bench}
RUNS=${BENCH_RUNS:-3}
SIZES="10 100"
[ "${BENCH_LARGE:-0}" = 1 ] && SIZES="$SIZES 1000"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

for f in "$JXC" "$GEN" "$TIMEIT"; do
  [ -x "$f" ] || { echo "bench: $f missing (run through make bench)"; exit 0; }
done
mkdir -p "$DATA"

PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"
else echo "note: taskset not found; runs are not pinned to one core"; fi

# ---- peers --------------------------------------------------------------
JQ=""
if command -v jq >/dev/null 2>&1; then JQ=jq
else echo "note: jq not installed: the jq comparison is skipped"; fi

# ajv-cli goes into bench/node_modules, only here, never for make test.
AJV=""
ajv_bin=$here/node_modules/.bin/ajv
if [ ! -x "$ajv_bin" ] && [ "${BENCH_NO_NPM:-0}" != 1 ] &&
   command -v npm >/dev/null 2>&1; then
  echo "note: installing ajv-cli into bench/node_modules (npm)"
  (cd "$here" && timeout 300 npm install --no-save --no-audit --no-fund \
     --loglevel=error ajv-cli@5 >/dev/null 2>&1) ||
    echo "note: npm install ajv-cli failed"
fi
if [ -x "$ajv_bin" ] && command -v node >/dev/null 2>&1; then AJV=$ajv_bin
else echo "note: ajv (JSON Schema validator) unavailable: its comparison is skipped"; fi

# Back ends this jxc has (csv and c are being written): probe each.
FORMATS=""
for f in json csv c; do
  if "$JXC" build -f "$f" "$root/examples/card-sample.jx" >/dev/null 2>&1; then
    FORMATS="$FORMATS $f"
  else
    echo "note: jxc build -f $f is not available in this build: skipped"
  fi
done

echo "jxc: $("$JXC" version 2>/dev/null | head -1)   cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "each figure: best of $RUNS run(s) on one core; MB = 10^6 bytes of jixiao source."
echo "MB/s is by wall time; cpu MB/s by user+system time of the same run, which"
echo "other load on the machine does not inflate.  Ratios are by wall time."

# ---- measuring -------------------------------------------------------------
# measure LABEL SRCBYTES OUTFILE CMD...: one table row; records the time
# in $DATA/t.<size>.<key> for the ratios.
REF=""   # seconds of `jxc build -f json` at the current size
measure() {
  label=$1 key=$2 bytes=$3 out=$4
  shift 4
  r=$($PIN "$TIMEIT" -n "$runs" -o "$out" -- "$@" 2>"$DATA/err")
  set -- $r
  if [ "${1:-FAIL}" = FAIL ]; then
    printf '  %-30s failed (status %s): %s\n' "$label" "${2:-?}" \
      "$(head -c 200 "$DATA/err" | tr '\n' ' ')"
    return
  fi
  echo "$1" > "$DATA/t.$size.$key"
  awk -v l="$label" -v t="$1" -v c="$2" -v m="$3" -v b="$bytes" -v ref="$REF" '
    BEGIN {
      vs = ""
      if (ref != "" && ref > 0 && t > 0)
        vs = t >= ref ? sprintf("%.1fx slower than jxc", t / ref) \
                      : sprintf("%.1fx faster than jxc", ref / t)
      printf "  %-30s %8.3f s %7.3f s %9.1f %9.1f %8.1f MB  %s\n", l, t, c,
             (t > 0 ? b / t / 1e6 : 0), (c > 0 ? b / c / 1e6 : 0), m / 1024, vs
    }'
}

for size in $SIZES; do
  src=$DATA/plan-${size}mb.jx json=$DATA/plan-${size}mb.json
  runs=$RUNS
  [ "$size" -ge 1000 ] && runs=1
  if [ ! -s "$src" ] || [ "$GEN" -nt "$src" ]; then
    "$GEN" -s 1 -m "$size" > "$src" || { echo "bench: jx-gen failed"; exit 0; }
  fi
  if ! "$JXC" check "$src" >/dev/null 2>"$DATA/err"; then
    echo "bench: jxc check rejects $src:"; head -5 "$DATA/err"; exit 0
  fi
  "$JXC" build -f json -o "$json" "$src"
  bytes=$(wc -c < "$src")
  jbytes=$(wc -c < "$json")
  projects=$(grep -c '^  \(project\|项目\) ' "$src")
  echo
  echo "== ${size} MB: $src"
  echo "   $bytes bytes, $projects projects; equivalent JSON $jbytes bytes"
  printf '  %-30s %10s %9s %9s %9s %11s\n' "" "wall" "cpu" "MB/s" "cpu MB/s" "peak RSS"
  REF=""
  measure "cat (floor)" cat "$bytes" /dev/null cat "$src"
  measure "wc -l (floor)" wc "$bytes" /dev/null wc -l "$src"
  measure "jxc check" check "$bytes" /dev/null "$JXC" check "$src"
  for f in $FORMATS; do
    measure "jxc build -f $f" "$f" "$bytes" /dev/null "$JXC" build -f "$f" "$src"
    [ "$f" = json ] && REF=$(cat "$DATA/t.$size.json")
  done
  # -o: the atomic output file, with its fsync before the rename.
  measure "jxc build -f json -o FILE" jsono "$bytes" /dev/null \
    "$JXC" build -f json -o "$DATA/out.json" "$src"
  rm -f "$DATA/out.json"
  for f in csv c; do
    case " $FORMATS " in *" $f "*) ;; *)
      printf '  %-30s skipped: no %s back end in this build yet\n' \
        "jxc build -f $f" "$f" ;;
    esac
  done
  if [ -n "$JQ" ]; then
    measure "jq -c . (same plan as JSON)" jq "$bytes" /dev/null jq -c . "$json"
  fi
  if [ -n "$AJV" ]; then
    if [ "$jbytes" -gt 500000000 ]; then
      printf '  %-30s skipped: %s bytes of JSON is past what node can hold as one string\n' \
        "ajv validate (JSON Schema)" "$jbytes"
    else
      measure "ajv validate (JSON Schema)" ajv "$bytes" /dev/null \
        node --max-old-space-size=8192 "$AJV" validate --spec=draft2020 \
        --strict=false -s "$root/docs/jixiao.schema.json" -d "$json"
    fi
  fi
done

# ---- linearity: time at 10x the input ---------------------------------------
set -- $SIZES
echo
echo "== scaling (time ratio against size ratio; target: <= 1.1 x the size ratio)"
prev=""
for size in $SIZES; do
  if [ -n "$prev" ]; then
    sr=$(awk -v a="$(wc -c < "$DATA/plan-${prev}mb.jx")" \
             -v b="$(wc -c < "$DATA/plan-${size}mb.jx")" 'BEGIN{print b/a}')
    for key in check json csv c jsono jq ajv; do
      [ -f "$DATA/t.$prev.$key" ] && [ -f "$DATA/t.$size.$key" ] || continue
      awk -v k="$key" -v a="$(cat "$DATA/t.$prev.$key")" \
          -v b="$(cat "$DATA/t.$size.$key")" -v sr="$sr" -v p="$prev" -v s="$size" '
        BEGIN { r = b / a
                printf "  %-6s %4s -> %4s MB: size x%.2f, time x%.2f  %s\n", k, p, s,
                       sr, r, (r <= 1.1 * sr ? "linear" : "SUPERLINEAR") }'
    done
  fi
  prev=$size
done
rm -f "$DATA"/t.* "$DATA/err"
exit 0
