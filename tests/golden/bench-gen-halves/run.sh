# bench-gen-halves: bench/gen.c (jx-gen) writes a plan that `jxc check`
# accepts, the same bytes for the same seed, and split into two parts
# (--part 0/2, 1/2) it builds to the same units and projects as whole.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
# jx-gen sits beside jxc (make builds both); under test-valgrind $JXC is a
# wrapper script, so look beside the real binary; else compile it here.
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$d/jx-gen" \
    bench/gen.c || exit 2
  gen=$d/jx-gen
fi
opts="-s 7 -y 2022 -u 6 -p 4 -z 50"
"$gen" $opts > "$d/whole.jx"
"$gen" $opts > "$d/again.jx"
"$gen" $opts --part 0/2 > "$d/a.jx"
"$gen" $opts --part 1/2 > "$d/b.jx"
cmp -s "$d/whole.jx" "$d/again.jx" && echo "deterministic: yes"
$JXC check "$d/whole.jx"; echo "check whole: status $?"
$JXC check "$d/a.jx" "$d/b.jx"; echo "check halves: status $?"
$JXC build -f json -o "$d/whole.json" "$d/whole.jx"
echo "build whole: status $?"
$JXC build -f json -o "$d/halves.json" "$d/a.jx" "$d/b.jx"
echo "build halves: status $?"
python3 - "$d/whole.json" "$d/halves.json" <<'PY'
import json, sys

def strip(x):
    """Line numbers differ between one file and two; nothing else may."""
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k != "line"}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x

whole, halves = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
projects = [p for u in whole["units"] for p in u["projects"]]
codes = [p["code"] for p in projects]
print("year:", whole["year"])
print("units:", len(whole["units"]), "projects:", len(projects))
print("unit codes unique:", len({u["code"] for u in whole["units"]}) == len(whole["units"]))
print("project codes unique:", len(set(codes)) == len(codes))
print("codes carry the year:", all(c.startswith("130304%02d" % (whole["year"] % 100)) and len(c) == 21 for c in codes))
print("same units and projects:", strip(whole["units"]) == strip(halves["units"]))
print("same department:", strip(whole["department"]) == strip(halves["department"]))
PY
