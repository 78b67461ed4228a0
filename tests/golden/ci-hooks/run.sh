# ci-hooks: the recipes of docs/ci.md, run.  On a temporary git
# repository with a clean plan, an unformatted one and one with an error,
# each hook of .pre-commit-hooks.yaml is run as pre-commit runs it: its
# entry, with jxc on PATH, given the tracked files its `files` pattern
# matches; then the GitHub problem matcher (docs/ci/jxc-problem-matcher.json)
# is applied to `jxc check`'s output, as the runner would, and what it
# finds is printed.  Needs git and Python's yaml module (else skipped, 77).
# Run by the golden runner from the repository root with $JXC set.
set -u
command -v git >/dev/null 2>&1 || { echo "no git" >&2; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "no python3-yaml" >&2; exit 77; }
root=$(pwd)
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
mkdir "$d/bin" "$d/repo"
ln -s "$JXC" "$d/bin/jxc"
cd "$d/repo" || exit 2
git init -q . && git config user.email ci@example.invalid &&
  git config user.name ci || exit 2
mkdir plans
cat > plans/good.jx <<'JX'
plan 2021;
project "培训" budget 10 {
  funds fiscal 10 other 0;
  schedule mar 25% jun 50% oct 75% dec 100%;
  output.quantity "人数" = 22人;
  benefit.social "效果" = "好";
}
JX
cat > plans/messy.jx <<'JX'
plan 2021;
project "会议"   budget 5 { funds fiscal 5 other 0;
  schedule dec 100%; output.quantity "次数" = 3次; benefit.social "效果" = "好"; }
JX
cat > plans/wrong.jx <<'JX'
plan 2021;
project "差旅" budget 10 {
  funds fiscal 8 other 1;
  schedule dec 100%;
  output.quantity "人数" = 22人;
  benefit.social "效果" = "好";
}
JX
echo "not a plan" > README.txt
git add . || exit 2
PATH="$d/bin:$PATH" python3 - "$root/.pre-commit-hooks.yaml" <<'PY'
import re, shlex, subprocess, sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
files = subprocess.run(["git", "ls-files"], capture_output=True, text=True,
                       check=True).stdout.split()
for h in hooks:
    chosen = [f for f in files if re.search(h["files"], f)]
    cmd = shlex.split(h["entry"]) + chosen
    r = subprocess.run(cmd, capture_output=True, text=True,
                       env={"PATH": __import__("os").environ["PATH"],
                            "LC_ALL": "C.UTF-8", "NO_COLOR": "1"})
    print("== hook %s (%s): %s" % (h["id"], h["language"], " ".join(cmd)))
    print("status %d" % r.returncode)
    sys.stdout.write(r.stdout)
    for line in r.stderr.splitlines():
        if not line.startswith(" "):
            print(line)
PY
echo "== problem matcher on jxc check --lang=en"
PATH="$d/bin:$PATH" jxc check --lang=en plans/*.jx 2> "$d/err"
python3 - "$root/docs/ci/jxc-problem-matcher.json" "$d/err" <<'PY'
import json, re, sys
p = json.load(open(sys.argv[1]))["problemMatcher"][0]["pattern"][0]
rx = re.compile(p["regexp"])
for line in open(sys.argv[2], encoding="utf-8"):
    m = rx.match(line.rstrip("\n"))
    if m:
        print("%s line %s col %s %s [%s]" % (m.group(p["file"]),
              m.group(p["line"]), m.group(p["column"]),
              m.group(p["severity"]), m.group(p["code"])))
PY
