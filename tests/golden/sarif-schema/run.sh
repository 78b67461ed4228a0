# sarif-schema: jxc's --diagnostics=sarif logs are valid against the
# SARIF 2.1.0 schema (tests/sarif/sarif-schema-2.1.0.json, OASIS) for
# errors, warnings, notes with a place (relatedLocations), help, fix-its
# (one and two alternatives), Chinese text and file names, several files,
# check --each with -j 1 and -j 2 (the same bytes), read errors, usage
# errors and the error cap (notifications), a clean run, and build and diff; and they say
# what they mean: each ruleIndex names its rule, each URI is an ASCII URI
# reference that decodes to the path given, and each region's code-point
# columns cut the words the message is about out of the file.  A log made
# invalid on purpose is rejected, so the validation can fail.  Needs
# Debian's python3-jsonschema (scripts/install-deps.sh installs it); exits
# 77 (skipped) without it.
set -u
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import jsonschema' 2>/dev/null ||
  { echo "python3 jsonschema not installed" >&2; exit 77; }
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
g=tests/golden/sarif-schema
run() { # NAME ARGS...: the log in $d/NAME.sarif, the status in $d/NAME.rc
  name=$1
  shift
  $JXC "$@" >/dev/null 2>"$d/$name.sarif"
  echo $? >"$d/$name.rc"
}
run errors check --diagnostics=sarif $g/项目.jx $g/b.jx
run zh --lang=zh check --diagnostics=sarif $g/项目.jx $g/w.jx
run warnings check --diagnostics=sarif $g/w.jx
run werror check --diagnostics=sarif -W error $g/w.jx
run each1 check --diagnostics=sarif --each -j 1 $g/项目.jx $g/b.jx $g/w.jx $g/missing.jx
run each2 check --diagnostics=sarif --each -j 2 $g/项目.jx $g/b.jx $g/w.jx $g/missing.jx
run usage check --diagnostics=sarif --bogus $g/w.jx
run cap check --diagnostics=sarif --max-errors=2 $g/项目.jx
run clean check --diagnostics=sarif examples/beidaihe-2021.jx
run build build --diagnostics=sarif -f json $g/b.jx
run diff diff --diagnostics=sarif $g/b.jx $g/w.jx
cmp -s "$d/each1.sarif" "$d/each2.sarif" && echo "--each: -j 1 and -j 2 wrote the same bytes"
"$PY" - "$d" <<'PY'
import copy, json, os, re, sys, urllib.parse
import jsonschema

d = sys.argv[1]
schema = json.load(open("tests/sarif/sarif-schema-2.1.0.json", encoding="utf-8"))
V = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
URI = re.compile(r"^(file://)?([A-Za-z0-9\-._~/]|%[0-9A-F]{2})*$")

def line_of(path, n):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[n - 1]

def cut(path, r):
    """The code points a region covers, cut from the file itself."""
    text = line_of(path, r["startLine"])
    return text[r["startColumn"] - 1:r["endColumn"] - 1]

def artifact(a):
    uri = a["uri"]
    assert URI.match(uri), uri
    assert a.get("uriBaseId") == "%SRCROOT%", a
    return urllib.parse.unquote(uri)

for name in ["errors", "zh", "warnings", "werror", "each1", "usage", "cap",
             "clean", "build", "diff"]:
    rc = open(os.path.join(d, name + ".rc")).read().strip()
    log = json.load(open(os.path.join(d, name + ".sarif"), encoding="utf-8"))
    errors = sorted(V.iter_errors(log), key=lambda e: list(e.path))
    run = log["runs"][0]
    assert len(log["runs"]) == 1
    rules = [r["id"] for r in run["tool"]["driver"].get("rules", [])]
    notes = [r["id"] for r in run["tool"]["driver"].get("notifications", [])]
    inv = run["invocations"][0]
    levels = {}
    for res in run["results"]:
        assert rules[res["ruleIndex"]] == res["ruleId"], res
        levels[res["level"]] = levels.get(res["level"], 0) + 1
    for n in inv.get("toolExecutionNotifications", []):
        assert notes[n["descriptor"]["index"]] == n["descriptor"]["id"], n
    print("%s: exit %s, %s; results %s; rules %s; notifications %s; "
          "executionSuccessful %s"
          % (name, rc, "valid" if not errors else
             "INVALID: " + "; ".join(e.message for e in errors[:3]),
             ", ".join("%d %s" % (levels[k], k) for k in sorted(levels)) or "none",
             " ".join(rules) or "-", " ".join(notes) or "-",
             inv["executionSuccessful"]))
    if name not in ("errors", "zh", "each1", "usage", "cap"):
        continue
    for n in inv.get("toolExecutionNotifications", []):
        where = [artifact(l["physicalLocation"]["artifactLocation"])
                 for l in n.get("locations", [])]
        print("  notification [%s] %s%s" % (n["descriptor"]["id"],
              n["message"]["text"].replace("\n", " | "),
              " @ " + where[0] if where else ""))
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        path = artifact(loc["artifactLocation"])
        r = loc["region"]
        print("  %s:%d:%d-%d '%s' [%s] %s" % (os.path.basename(path),
              r["startLine"], r["startColumn"], r["endColumn"], cut(path, r),
              res["ruleId"], res["message"]["text"].replace("\n", " | ")))
        for rel in res.get("relatedLocations", []):
            pl = rel["physicalLocation"]
            rp = artifact(pl["artifactLocation"])
            print("    related %s:%d '%s' %s" % (os.path.basename(rp),
                  pl["region"]["startLine"], cut(rp, pl["region"]),
                  rel["message"]["text"]))
        for fix in res.get("fixes", []):
            for ch in fix["artifactChanges"]:
                fp = artifact(ch["artifactLocation"])
                for rep in ch["replacements"]:
                    print("    fix '%s' -> '%s'" % (cut(fp, rep["deletedRegion"]),
                          rep["insertedContent"]["text"]))

# The schema does reject: a level SARIF has not, a result without its
# message, a log of another version.
log = json.load(open(os.path.join(d, "errors.sarif"), encoding="utf-8"))
bad = []
for how in ("level", "message", "version"):
    m = copy.deepcopy(log)
    if how == "level":
        m["runs"][0]["results"][0]["level"] = "fatal"
    elif how == "message":
        del m["runs"][0]["results"][0]["message"]
    else:
        m["version"] = "2.0.0"
    bad.append("%s %s" % (how, "rejected" if not V.is_valid(m) else "ACCEPTED"))
print("broken logs: " + ", ".join(bad))
PY
