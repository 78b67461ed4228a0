#!/usr/bin/env python3
"""eval_both_forms.py — the two forms of actuals score alike, as a property.

For every case file of jxc eval and jxc monitor (tests/cases/eval-*,
monitor-*, profile-*, zh-eval*, zh-monitor*) whose actuals are a CSV table,
and for the 北戴河 2021 example, the table is turned into the language's
form with `jxc fmt` (and, for the Chinese cases, `jxc fmt --zh`); then the
case's own command runs once on each, with -f json, and both must give
the same exit status and the same report, but for each actual as written
(`actual`; its kind and value are compared).  A table `jxc fmt` refuses
must be refused with nothing on stdout, either for the form
(actuals-convert: a date without its year, money that is not a number)
or because jxc eval refuses it too.  `jxc diff` of the table and of
what fmt wrote says whether they are the same by meaning.

Prints one line per case; run by the golden case eval-both-forms from the
repository root with $JXC set.
"""
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

JXC = os.environ["JXC"]
SECTION = re.compile(r"^-- (.+) --$", re.M)


def txtar(path):
    """The sections of a case file: {name: text}."""
    text = open(path, encoding="utf-8").read()
    parts = SECTION.split(text)
    return {parts[i]: parts[i + 1][1:] for i in range(1, len(parts), 2)}


def run(args, cwd):
    p = subprocess.run([JXC] + args, cwd=cwd, capture_output=True,
                       env=dict(os.environ, NO_COLOR="1",
                                LC_ALL="C.UTF-8"))
    return p.returncode, p.stdout, p.stderr


def as_json(args):
    """args with -f json instead of the case's format."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-f", "--format"):
            skip = True
        elif not a.startswith(("-f", "--format=")):
            out.append(a)
    return out + ["-f", "json"]


def meaning(stdout):
    """The report without the actuals as written (a date written 2021-08-20
    in one form is 2021年8月20日 in the other): their kind and value stay."""
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k != "actual"}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x
    try:
        return strip(json.loads(stdout))
    except ValueError:
        return stdout


def check(name, files, args, out):
    """Runs args on the table and on its conversion; one line to out."""
    try:
        i = args.index("--actuals")
    except ValueError:
        return
    table = args[i + 1]
    if not table.endswith(".csv"):
        return
    zh = name.startswith("zh-") or "--lang=zh" in args
    with tempfile.TemporaryDirectory() as d:
        for f, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(d, f)), exist_ok=True)
            with open(os.path.join(d, f), "w", encoding="utf-8") as fh:
                fh.write(text)
        conv = os.path.splitext(table)[0] + "-converted.jx"
        st, jx, err = run(["fmt"] + (["--zh"] if zh else []) + [table], d)
        if st != 0:
            codes = sorted(set(re.findall(rb"\[([a-z-]+)\]", err)))
            # refused for the form, or for what eval refuses too
            ok = jx == b"" and (b"actuals-convert" in codes or
                                run(args, d)[0] not in (0, 1) or
                                b"error" in run(args, d)[2])
            out.append("%s: fmt refuses the table (%s)%s" % (
                name, ", ".join(c.decode() for c in codes),
                "" if ok else " UNEXPECTED status %d" % st))
            return
        with open(os.path.join(d, conv), "wb") as fh:
            fh.write(jx)
        dst, _, _ = run(["diff", table, conv], d)
        a = run(as_json(args), d)
        b = run(as_json(args[:i + 1] + [conv] + args[i + 2:]), d)
        same = a[0] == b[0] and meaning(a[1]) == meaning(b[1])
        line = "%s: status %d, %s; diff %s" % (
            name, a[0], "the same report" if same else "DIFFERENT reports",
            "the same" if dst == 0 else "status %d" % dst)
        out.append(line)
        if not same:
            out.append("  table:     status %d\n%s" % (a[0], a[1].decode()))
            out.append("  converted: status %d\n%s" % (b[0], b[1].decode()))


def main():
    out = []
    pats = ["eval-*", "monitor-*", "profile-*", "zh-eval*", "zh-monitor*"]
    cases = sorted(set(p for pat in pats
                       for p in glob.glob("tests/cases/%s.txtar" % pat)))
    for path in cases:
        sec = txtar(path)
        cmd = sec.get("cmd", "").strip()
        if cmd.startswith("!"):
            continue
        files = {k: v for k, v in sec.items()
                 if k not in ("cmd", "stdin", "stdout", "stderr", "status")}
        check(os.path.basename(path)[:-6], files, shlex.split(cmd), out)
    ex = {}
    for f in ["beidaihe-2021.jx", "beidaihe-2021-actuals.csv",
              "beidaihe-2021-progress.csv"]:
        ex[f] = open(os.path.join("examples", f), encoding="utf-8").read()
    check("examples/beidaihe-2021-actuals.csv", ex,
          ["eval", "beidaihe-2021.jx", "--actuals",
           "beidaihe-2021-actuals.csv", "-f", "json"], out)
    check("examples/beidaihe-2021-progress.csv", ex,
          ["monitor", "beidaihe-2021.jx", "--actuals",
           "beidaihe-2021-progress.csv", "--month", "7", "-f", "json"], out)
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
