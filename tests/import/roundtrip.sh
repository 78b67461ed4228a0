#!/bin/sh
# roundtrip.sh — the round trip of the official forms as a property: for
# every plan in examples/, the hostile names of the CSV and HTML tests,
# tests/import/roundtrip-edge.jx and plans jx-gen (bench/gen.c) writes
# from several seeds, in both sheet layouts:
#
#   jxc build -f xlsx [--sheet unit] PLAN  →  jxc import  →  jxc diff PLAN
#
# must give the same plan: `jxc diff` says identical (status 0), the
# import reports nothing of its own (no import-* diagnostic: no cell left
# over), and the compiled models are equal (`build -f json` of both, the
# source lines aside, and the printed `text` of a quantity or date aside,
# which the import writes in the language's spelling).  What cannot come
# back by design is in tests/import/roundtrip-limits.jx; the expected
# output shows exactly what changes there.  Run by the golden case
# xlsx-import-roundtrip from the repository root with $JXC set.
set -u
root=$(pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# jx-gen sits beside jxc (make builds both); under test-valgrind $JXC is a
# wrapper script, so look beside the real binary; else compile it here.
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$tmp/jx-gen" \
    bench/gen.c || exit 2
  gen=$tmp/jx-gen
fi

# The models of two plans, compared: every field but the source lines, and
# the printed text of a value that is not a text target.
cat >"$tmp/model.py" <<'PY'
import json, sys

def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items()
                if k != "line" and not (k == "text" and
                                        x.get("kind") != "qualitative")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x

def walk(a, b, path, out):
    if type(a) != type(b):
        out.append("%s: %r != %r" % (path, a, b))
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append("%s.%s: only on one side" % (path, k))
            else:
                walk(a[k], b[k], path + "." + k, out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append("%s: %d items != %d" % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, "%s[%d]" % (path, i), out)
    elif a != b:
        out.append("%s: %r != %r" % (path, a, b))

a, b = (strip(json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:3])
out = []
walk(a, b, "", out)
print("model: the same" if not out else "\n".join("model: " + l for l in out))
PY

# one PLAN (a file in $tmp) through both layouts
trip() {
  plan=$1
  for sheet in project unit; do
    echo "== $plan, --sheet $sheet"
    (
      cd "$tmp" || exit 2
      rm -f book.xlsx imported.jx a.json b.json
      "$JXC" build -f xlsx --sheet "$sheet" -o book.xlsx "$plan" 2>/dev/null ||
        { echo "build -f xlsx: status $?"; exit 0; }
      "$JXC" import -o imported.jx book.xlsx 2>import.err
      rc=$?
      n=$(grep -c '\[import-' import.err)
      echo "import: status $rc, $n import-* diagnostics"
      grep '\[import-' import.err
      if "$JXC" diff "$plan" imported.jx >diff.out 2>&1; then
        echo "diff: identical"
      else
        echo "diff: status $?"
        cat diff.out
      fi
      "$JXC" build -f json -o a.json "$plan" 2>/dev/null &&
        "$JXC" build -f json -o b.json imported.jx 2>/dev/null &&
        python3 model.py a.json b.json
    )
  done
}

for f in examples/*.jx tests/interop/hostile.jx tests/interop/hostile-html.jx \
  tests/interop/codes.jx tests/import/roundtrip-edge.jx \
  tests/import/roundtrip-limits.jx; do
  cp "$root/$f" "$tmp/" || exit 2
  trip "$(basename "$f")"
done
# generated plans: sizes, years, keyword languages (-z: % in Chinese)
for opts in "-s 1 -y 2021 -u 1 -p 1" "-s 2 -y 2022 -u 2 -p 3 -z 50" \
  "-s 3 -y 2023 -u 3 -p 2 -z 100" "-s 4 -y 2024 -u 2 -p 4 -z 20"; do
  name=gen$(echo "$opts" | tr -d ' -').jx
  "$gen" $opts >"$tmp/$name" || exit 2
  echo "(jx-gen $opts)"
  trip "$name"
done
