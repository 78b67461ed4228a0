# bench-gen2: bench/gen2.c (jx-gen2, make bench's second input: bare
# projects in the design card's style) writes a plan that `jxc check`
# accepts without a single warning, in English and Chinese keywords alike,
# the same bytes for the same seed, with unique codes for the plan's year.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
# jx-gen2 sits beside jxc (make test-run builds both); under test-valgrind
# $JXC is a wrapper script, so look beside the real binary; else compile it.
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen2
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$d/jx-gen2" \
    bench/gen2.c || exit 2
  gen=$d/jx-gen2
fi
"$gen" -s 5 -y 2023 -n 400 > "$d/mixed.jx"
"$gen" -s 5 -y 2023 -n 400 > "$d/again.jx"
"$gen" -s 6 -z 0 -n 200 > "$d/en.jx"
"$gen" -s 7 -z 100 -n 200 > "$d/zh.jx"
cmp -s "$d/mixed.jx" "$d/again.jx" && echo "deterministic: yes"
for f in mixed en zh; do
  # stderr joins stdout: a single warning changes this case's output
  $JXC check "$d/$f.jx" 2>&1; echo "check $f: status $?"
done
grep -c '^project ' "$d/en.jx"
grep -c '^项目 ' "$d/zh.jx"
$JXC build -f json -o "$d/mixed.json" "$d/mixed.jx"
echo "build mixed: status $?"
python3 - "$d/mixed.json" <<'PY'
import json, sys
from decimal import Decimal

plan = json.load(open(sys.argv[1], encoding="utf-8"), parse_float=Decimal)
units = plan["units"]
projects = [p for u in units for p in u["projects"]]
codes = [p["code"] for p in projects]
print("year:", plan["year"])
print("groups:", len(units), "unit code:", units[0]["code"], "projects:", len(projects))
print("project codes unique:", len(set(codes)) == len(codes))
print("codes carry the year:", all(c.startswith("13030423") and len(c) == 16 for c in codes))
labels = {i["level1_label"] + "." + i["level2_label"] for p in projects for i in p["indicators"]}
print("categories:", len(labels))
print("indicators per project:", round(sum(len(p["indicators"]) for p in projects) / len(projects), 1))
print("funds add up:", all(p["fiscal"] + p["other"] == p["budget"] for p in projects))
PY
