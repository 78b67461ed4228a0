# build-jsonl-schema: every line of -f jsonl is valid against
# docs/jixiao-line.schema.json (which takes the project, unit goals and
# measures and department from docs/jixiao.schema.json), and so is -f json
# --compact against docs/jixiao.schema.json; a line with a key too many,
# or a record kind the schema does not know, is not.  Needs Python's
# jsonschema (with referencing); exits 77 (skipped) without it.
set -u
python3 -c 'import jsonschema, referencing' 2>/dev/null ||
  { echo "python3 jsonschema (with referencing) not installed" >&2; exit 77; }
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
sed -n '/^-- input.jx --$/,/^-- stdout --$/p' tests/cases/build-jsonl.txtar |
  sed '1d;$d' > "$d/hostile.jx"
for f in examples/beidaihe-2021.jx examples/central2021-sample.jx \
    examples/card-sample.jx "$d/hostile.jx"; do
  b=$(basename "$f" .jx)
  $JXC build -f jsonl -o "$d/$b.jsonl" "$f" 2>/dev/null
  $JXC build -f json --compact -o "$d/$b.json" "$f" 2>/dev/null
done
python3 - "$d" <<'PY'
import glob, json, os, sys
import jsonschema
from referencing import Registry, Resource

main = json.load(open("docs/jixiao.schema.json", encoding="utf-8"))
line = json.load(open("docs/jixiao-line.schema.json", encoding="utf-8"))
reg = Registry().with_resources(
    [(s["$id"], Resource.from_contents(s)) for s in (main, line)])
V = jsonschema.Draft202012Validator
lv, dv = V(line, registry=reg), V(main, registry=reg)
d = sys.argv[1]
for path in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
    name = os.path.basename(path)[:-6]
    recs = [json.loads(l) for l in open(path, encoding="utf-8")]
    bad = sum(1 for r in recs if not lv.is_valid(r))
    doc = json.load(open(os.path.join(d, name + ".json"), encoding="utf-8"))
    print("%s: %d lines, %d invalid; compact document valid: %s"
          % (name, len(recs), bad, dv.is_valid(doc)))
    extra = dict(recs[1], extra=1)
    other = dict(recs[0], record="total")
    print("  a key too many rejected: %s, unknown record rejected: %s"
          % (not lv.is_valid(extra), not lv.is_valid(other)))
PY
