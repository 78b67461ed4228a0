# build-jsonl-roundtrip: for the examples, a seed-shaped and a card-shaped
# generated plan, and the hostile names of the build-jsonl case:
#  - every line of -f jsonl is one JSON object that Python's json parses
#    strictly, with the plan's context and a known record kind;
#  - the lines, put back together in order, are the -f json document
#    (numbers compared as exact decimals);
#  - -f json --compact is the same document, one line, and byte for byte
#    what a serializer with separators (",", ":") prints of it.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
bin=$(dirname "${JX_VALGRIND_JXC:-$JXC}")
for g in jx-gen jx-gen2; do
  if [ ! -x "$bin/$g" ]; then
    src=bench/gen.c; [ $g = jx-gen2 ] && src=bench/gen2.c
    ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$d/$g" $src || exit 2
  else cp "$bin/$g" "$d/$g"; fi
done
"$d/jx-gen" -s 3 -u 3 -p 3 -z 50 > "$d/seed.jx"
"$d/jx-gen2" -s 3 -n 40 > "$d/card.jx"
sed -n '/^-- input.jx --$/,/^-- stdout --$/p' tests/cases/build-jsonl.txtar |
  sed '1d;$d' > "$d/hostile.jx"
for f in examples/beidaihe-2021.jx examples/beidaihe-2022.jx examples/card-sample.jx \
    examples/central2021-sample.jx "$d/seed.jx" "$d/card.jx" "$d/hostile.jx"; do
  b=$(basename "$f" .jx)
  $JXC build -f json -o "$d/$b.json" "$f" 2>/dev/null
  $JXC build -f json --compact -o "$d/$b.min.json" "$f" 2>/dev/null
  $JXC build -f jsonl -o "$d/$b.jsonl" "$f" 2>/dev/null
  echo "$b: status $?"
done
python3 - "$d" <<'PY'
import glob, json, os, sys
from decimal import Decimal

def strict(text):
    return json.loads(text, parse_float=Decimal,
                      parse_constant=lambda c: sys.exit("constant " + c))

def dump(x):
    """The compact layout, for comparing bytes: as jq -c prints."""
    if isinstance(x, dict):
        return "{" + ",".join(dump(k) + ":" + dump(v) for k, v in x.items()) + "}"
    if isinstance(x, list):
        return "[" + ",".join(dump(v) for v in x) + "]"
    if isinstance(x, Decimal):
        return str(x)
    s = json.dumps(x, ensure_ascii=False)
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

CTX = ["jixiao", "year", "framework", "form", "currency"]
d = sys.argv[1]
for path in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
    name = os.path.basename(path)[:-6]
    doc = strict(open(os.path.join(d, name + ".json"), encoding="utf-8").read())
    raw = open(path, encoding="utf-8").read()
    assert raw.endswith("\n")
    lines = raw[:-1].split("\n")
    recs = [strict(l) for l in lines]
    kinds = [r["record"] for r in recs]
    ok_ctx = all(list(r)[:6] == ["record"] + CTX and
                 all(r[k] == doc[k] for k in CTX) for r in recs)
    # put the document back together from the lines
    plan = {k: recs[0][k] for k in CTX}
    plan["units"], plan["department"] = [], None
    pending = []
    for r in recs[1:]:
        if r["record"] == "project":
            pending.append((r["unit"], r["project"]))
        elif r["record"] == "unit":
            u = r["unit"]
            assert all(pu == {"code": u["code"], "name": u["name"]} for pu, _ in pending)
            plan["units"].append({"code": u["code"], "name": u["name"],
                                  "projects": [p for _, p in pending],
                                  "goals": u["goals"], "measures": u["measures"],
                                  "supervisor": u["supervisor"],
                                  "implementer": u["implementer"]})
            pending = []
        elif r["record"] == "department":
            plan["department"] = r["department"]
        else:
            sys.exit("unknown record " + r["record"])
    assert not pending
    mini = open(os.path.join(d, name + ".min.json"), encoding="utf-8").read()
    print("%s: %d lines (%s), context on every line: %s, re-assembled = -f json: %s,"
          " compact = -f json: %s, one line: %s, compact layout: %s" % (
        name, len(lines),
        " ".join("%s %d" % (k, kinds.count(k)) for k in ("plan", "project", "unit", "department")),
        ok_ctx, plan == doc, strict(mini) == doc, mini.count("\n") == 1 and mini.endswith("\n"),
        mini == dump(doc) + "\n"))
PY
