#!/bin/sh
# bench/run.sh — `make bench`: throughput and peak memory of every jxc
# command, against the floors (reading the file; flex's table walk over it
# with the lexer's own rules) and the tools a user would otherwise use on
# the same content (jq, python3's json, ajv), in ONE table.
#
# Two generators, because a plan's shape moves the figures: "seed" is
# jx-gen (bench/gen.c), units of projects shaped like the seed document
# (long texts, desc and basis on every indicator); "card" is jx-gen2
# (bench/gen2.c), bare projects in the design card's style (short names,
# official Chinese category names, several statements a line: more tokens
# and numbers per byte).  Each at 10 MB and 100 MB (1 GB too with
# BENCH_LARGE=1).  Every command runs pinned to one core (taskset -c 0)
# under jx-timeit (bench/timeit.c): best wall time of BENCH_RUNS runs, and
# the largest peak RSS.  Throughput is always in MB (10^6 bytes) of jixiao
# SOURCE per second, also for the peers that read the equivalent JSON (3 to
# 8 times as many bytes), so a column compares the same content.  Figures
# only: this script never fails a build, and a missing tool or back end is
# a visible "skipped" line.
#
# Environment: B (build dir, default build), BENCH_LARGE=1, BENCH_SIZES
# (default "10 100", in MB), BENCH_RUNS
# (default 3; 1 at 1 GB), BENCH_DATA (inputs, default $B/bench),
# BENCH_GENS (default "seed card"), BENCH_NO_NPM=1 (do not install ajv-cli),
# BENCH_ALL_MEMORY=1 (also run, at 1 GB, the commands that hold the whole
# input: python3 json.load), BENCH_PEERS=0
# (time jxc only: the peers' figures do not change with jxc), BENCH_CPU
# (the core to pin to, default 0), BENCH_RENDER=1 (print the table of the
# figures already in BENCH_DATA, measuring nothing).
set -u

B=${B:-build}
JXC=$B/jxc
TIMEIT=$B/jx-timeit
FLEXSCAN=$B/jx-flexscan
DATA=${BENCH_DATA:-$B/bench}
RUNS=${BENCH_RUNS:-3}
GENS=${BENCH_GENS:-seed card}
SIZES=${BENCH_SIZES:-10 100}
[ "${BENCH_LARGE:-0}" = 1 ] && SIZES="$SIZES 1000"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

for f in "$JXC" "$B/jx-gen" "$B/jx-gen2" "$TIMEIT"; do
  [ -x "$f" ] || { echo "bench: $f missing (run through make bench)"; exit 0; }
done
mkdir -p "$DATA"
# BENCH_RENDER=1: measure nothing, print the table of the figures already
# in $DATA (after changing the table, or to read a finished run again).
RENDER=${BENCH_RENDER:-0}
[ "$RENDER" = 1 ] || rm -f "$DATA"/r.* "$DATA/err"

PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c ${BENCH_CPU:-0}"
else echo "note: taskset not found; runs are not pinned to one core"; fi

# ---- peers and floors ---------------------------------------------------
PEERS=${BENCH_PEERS:-1}
JQ=""
if [ "$PEERS" = 0 ]; then :
elif command -v jq >/dev/null 2>&1; then JQ=jq
else echo "note: jq not installed: the jq rows are skipped"; fi
PY=""
if [ "$PEERS" = 0 ]; then :
elif command -v python3 >/dev/null 2>&1; then PY=python3
else echo "note: python3 not installed: its row is skipped"; fi
[ -x "$FLEXSCAN" ] || { echo "note: $FLEXSCAN missing: the flex floor is skipped"; FLEXSCAN=""; }

# ajv-cli goes into bench/node_modules, only here, never for make test.
AJV=""
ajv_bin=$here/node_modules/.bin/ajv
if [ ! -x "$ajv_bin" ] && [ "${BENCH_NO_NPM:-0}" != 1 ] && [ "$PEERS" != 0 ] &&
   command -v npm >/dev/null 2>&1; then
  echo "note: installing ajv-cli into bench/node_modules (npm)"
  (cd "$here" && timeout 300 npm install --no-save --no-audit --no-fund \
     --loglevel=error ajv-cli@5 >/dev/null 2>&1) ||
    echo "note: npm install ajv-cli failed"
fi
if [ "$PEERS" = 0 ]; then echo "note: BENCH_PEERS=0: jxc only"
elif [ -x "$ajv_bin" ] && command -v node >/dev/null 2>&1; then AJV=$ajv_bin
else echo "note: ajv (JSON Schema validator) unavailable: its row is skipped"; fi

# Back ends and options this jxc has: probe each, so the script also runs
# on trees from before them.
has() { "$JXC" build "$@" "$root/examples/card-sample.jx" >/dev/null 2>&1; }
FORMATS=""
for f in json csv c; do
  if has -f "$f"; then FORMATS="$FORMATS $f"
  else echo "note: jxc build -f $f is not available in this build: skipped"; fi
done
HAS_COMPACT=0; has -f json --compact && HAS_COMPACT=1
HAS_JSONL=0; has -f jsonl && HAS_JSONL=1

echo "jxc: $("$JXC" version 2>/dev/null | head -1)   cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"

# ---- the rows: KEY|LABEL, in the table's order ------------------------------
ROWS="cat|cat (floor)
flex|flex scan, lexer.l's rules (floor)
check|jxc check
json|jxc build -f json"
[ $HAS_COMPACT = 1 ] && ROWS="$ROWS
compact|jxc build -f json --compact"
[ $HAS_JSONL = 1 ] && ROWS="$ROWS
jsonl|jxc build -f jsonl"
ROWS="$ROWS
csv|jxc build -f csv
c|jxc build -f c
jsono|jxc build -f json -o FILE
fmt|jxc fmt
diff|jxc diff X X' (one change)
jq|jq -c . (the same plan as JSON)
jqe|jq empty
py|python3 json.load
ajv|ajv validate (JSON Schema)"

# ---- measuring -------------------------------------------------------------
# measure KEY OUTFILE OKSTATUS CMD...: records "wall cpu rsskb" in
# $DATA/r.<gen>.<size>.<key>, or "FAIL ..." / "SKIP reason".
measure() {
  key=$1 out=$2 ok=$3
  shift 3
  r=$($PIN "$TIMEIT" -n "$runs" -o "$out" -x "$ok" -- "$@" 2>"$DATA/err")
  case $r in
  FAIL*|"") echo "FAIL $(head -c 120 "$DATA/err" | tr '\n' ' ')" ;;
  *) echo "$r" ;;
  esac > "$DATA/r.$gen.$size.$key"
}
skip() { echo "SKIP $2" > "$DATA/r.$gen.$size.$1"; }

INPUTS=""
[ "$RENDER" = 1 ] && GENS_RUN="" || GENS_RUN=$GENS
if [ "$RENDER" = 1 ]; then
  for gen in $GENS; do for size in $SIZES; do
    [ -f "$DATA/r.$gen.$size.bytes" ] && INPUTS="$INPUTS $gen.$size"
  done; done
fi
for gen in $GENS_RUN; do
  case $gen in
  seed) genbin=$B/jx-gen ;;
  card) genbin=$B/jx-gen2 ;;
  *) echo "bench: unknown generator $gen"; exit 0 ;;
  esac
  for size in $SIZES; do
    src=$DATA/$gen-${size}mb.jx json=$DATA/$gen-${size}mb.json
    src2=$DATA/$gen-${size}mb-changed.jx
    runs=$RUNS
    [ "$size" -ge 1000 ] && runs=1
    if [ ! -s "$src" ] || [ "$genbin" -nt "$src" ]; then
      "$genbin" -s 1 -m "$size" > "$src" || { echo "bench: $genbin failed"; exit 0; }
    fi
    if ! "$JXC" check "$src" >/dev/null 2>"$DATA/err"; then
      echo "bench: jxc check rejects $src:"; head -5 "$DATA/err"; exit 0
    fi
    "$JXC" build -f json -o "$json" "$src"
    # X': one project renamed halfway through the file, for diff.
    awk -v m="$(($(wc -l < "$src") / 2))" \
      'NR >= m && !done && sub(/"[^"]*费"/, "\"改名的经费\"") { done = 1 } { print }' \
      "$src" > "$src2"
    bytes=$(wc -c < "$src")
    jbytes=$(wc -c < "$json")
    echo "$bytes" > "$DATA/r.$gen.$size.bytes"
    INPUTS="$INPUTS $gen.$size"
    printf '%s %5s MB: %s, %s bytes, %s projects; JSON %s bytes (%.1fx)\n' \
      "$gen" "$size" "$src" "$bytes" \
      "$(grep -c '^ *\(project\|项目\) ' "$src")" "$jbytes" \
      "$(awk -v a="$jbytes" -v b="$bytes" 'BEGIN { print a / b }')"

    big=0   # 1 GB: leave out what holds the whole input in memory
    [ "$size" -ge 1000 ] && [ "${BENCH_ALL_MEMORY:-0}" != 1 ] && big=1
    measure cat /dev/null 0 cat "$src"
    if [ -n "$FLEXSCAN" ]; then measure flex /dev/null 0 "$FLEXSCAN" "$src"
    else skip flex "no flex"; fi
    measure check /dev/null 0 "$JXC" check "$src"
    for f in json csv c; do
      case " $FORMATS " in
      *" $f "*) measure "$f" /dev/null 0 "$JXC" build -f "$f" "$src" ;;
      *) skip "$f" "no back end" ;;
      esac
    done
    [ $HAS_COMPACT = 1 ] &&
      measure compact /dev/null 0 "$JXC" build -f json --compact "$src"
    [ $HAS_JSONL = 1 ] && measure jsonl /dev/null 0 "$JXC" build -f jsonl "$src"
    # -o: the atomic output file, with its fsync before the rename.
    measure jsono /dev/null 0 "$JXC" build -f json -o "$DATA/out.json" "$src"
    rm -f "$DATA/out.json"
    measure fmt /dev/null 0 "$JXC" fmt "$src"
    # diff keeps what changed, not the plans (compiler/diff/diff_stream.h).
    measure diff /dev/null 1 "$JXC" diff "$src" "$src2"
    # jq holds the parsed document: ~3.3x the JSON's bytes (10.5 GB for
    # 3.2 GB of seed JSON).  Past what the machine has free it would bring
    # the kernel's OOM killer, which may pick another process than jq.
    jq_need_kb=$((jbytes / 1024 * 33 / 10))
    avail_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo 2>/dev/null)
    if [ -z "$JQ" ]; then skip jq "not run"; skip jqe "not run"
    elif [ -n "$avail_kb" ] && [ "$jq_need_kb" -gt "$avail_kb" ]; then
      skip jq "needs ~$((jq_need_kb / 1048576)) GB of memory"
      skip jqe "needs ~$((jq_need_kb / 1048576)) GB of memory"
    else
      measure jq /dev/null 0 jq -c . "$json"
      measure jqe /dev/null 0 jq empty "$json"
    fi
    if [ -z "$PY" ]; then skip py "not run"
    elif [ $big = 1 ]; then skip py "holds the input"
    else measure py /dev/null 0 "$PY" -c \
      'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$json"
    fi
    if [ -z "$AJV" ]; then skip ajv "not run"
    elif [ "$jbytes" -gt 500000000 ]; then skip ajv "JSON > 500 MB"
    else measure ajv /dev/null 0 node --max-old-space-size=8192 "$AJV" \
      validate --spec=draft2020 --strict=false \
      -s "$root/docs/jixiao.schema.json" -d "$json"
    fi
    rm -f "$src2"
  done
done

# ---- the table ---------------------------------------------------------------
# A cell: source MB/s by the least CPU time (user + system) of the runs,
# and peak RSS.  CPU time, not wall time: on this shared machine other
# work inflates the wall clock of even the best run by 2-4x, while the CPU
# time a process is charged barely moves.  (The raw figures, wall time
# too, stay in $DATA/r.GEN.SIZE.ROW: wall, cpu of that run, RSS KB, least
# cpu.)  After each generator's sizes, the CPU time ratio from one size to
# the next (10x the input: linear is <= 11x; a "!" marks superlinear).
echo
echo "MB/s: MB of jixiao source per CPU second (user + system; least of $RUNS run(s),"
echo "pinned to one core; 1 run at 1 GB); RSS: peak resident memory; t×: CPU time"
echo "at 10× the input."
awk -v data="$DATA" -v inputs="$INPUTS" -v rows="$ROWS" -v gens="$GENS" '
  function slurp(f,   l) { l = ""; if ((getline l < f) <= 0) l = ""; close(f); return l }
  BEGIN {
    ni = split(inputs, in_, " ")
    nr = split(rows, row, "\n")
    # header
    h1 = sprintf("%-34s", ""); h2 = sprintf("%-34s", "")
    for (i = 1; i <= ni; i++) {
      split(in_[i], gs, ".")
      h1 = h1 sprintf(" %17s", gs[1] " " gs[2] " MB")
      h2 = h2 sprintf(" %8s %8s", "MB/s", "RSS")
      if (i < ni) { split(in_[i + 1], ns, ".") } else ns[1] = ""
      if (i < ni && ns[1] == gs[1]) {
        h1 = h1 sprintf(" %8s", "t×"); h2 = h2 sprintf(" %8s", gs[2] "→" ns[2])
      }
    }
    print h1; print h2
    for (r = 1; r <= nr; r++) {
      split(row[r], kl, "|")
      line = sprintf("%-34s", substr(kl[2], 1, 34))
      for (i = 1; i <= ni; i++) {
        split(in_[i], gs, ".")
        v = slurp(data "/r." in_[i] "." kl[1])
        b = slurp(data "/r." in_[i] ".bytes")
        n = split(v, f, " ")
        c = 0
        if (v == "") cell = sprintf(" %17s", "-")
        else if (f[1] == "SKIP") cell = sprintf(" %17s", "skipped")
        else if (f[1] == "FAIL") { cell = sprintf(" %17s", "failed"); failed[kl[1] " " in_[i]] = v }
        else {
          c = n >= 4 ? f[4] : f[2]  # least CPU time; older timeit: of the best run
          cell = sprintf(" %8.1f %6.1fMB", (c > 0 ? b / c / 1e6 : 0), f[3] / 1024)
        }
        line = line cell
        t[i] = c + 0 > 0 ? c : 0
        sz[i] = b
        if (i < ni) { split(in_[i + 1], ns, ".") } else ns[1] = ""
        if (i > 1) {
          split(in_[i - 1], ps, ".")
          if (ps[1] == gs[1]) {
            if (t[i] > 0 && t[i - 1] > 0) {
              ratio = t[i] / t[i - 1]; sr = sz[i] / sz[i - 1]
              rc = sprintf("%.1f%s", ratio, ratio > 1.1 * sr ? "!" : "")
            } else rc = "-"
            # the ratio column sits between the two sizes: print it before
            line = substr(line, 1, length(line) - length(cell)) sprintf(" %8s", rc) cell
          }
        }
      }
      print line
    }
    for (k in failed) printf "failed: %s: %s\n", k, failed[k]
  }'
case " $SIZES " in *" 1000 "*)
  [ "${BENCH_ALL_MEMORY:-0}" = 1 ] ||
    echo "skipped at 1 GB (without BENCH_ALL_MEMORY=1): what holds the whole input." ;;
esac
rm -f "$DATA/err"
exit 0
