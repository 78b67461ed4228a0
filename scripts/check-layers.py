#!/usr/bin/env python3
"""check-layers.py — the include graph points downward (docs/design.md).

Reads every #include "..." in runtime/, grammar/ and compiler/*/ and fails
(exit 1, one line per problem) when

  - a file includes a header of a layer above its own, in the order

        runtime < base < domain < grammar < check < lower < load
                < {emit, fmt, diff, import, lsp} < cmd

    (folders of one rank may use each other, but not both ways);
  - headers include each other in a circle;
  - two modules (x.c with x.h) each include the other's header: two files
    that call each other;
  - a folder's private header (NAME_impl.h, grammar's scan.h) is included
    from another folder.

A header it cannot find is a problem too, so a new folder has to be given
its place here.  Run by `make test` (and `make check-layers`); prints
nothing when all is well.
"""
import os
import re
import sys

RANKS = {
    "runtime": 0,
    "compiler/base": 1,
    "compiler/domain": 2,
    "grammar": 3,
    "compiler/check": 4,
    "compiler/lower": 5,
    "compiler/load": 6,
    "compiler/emit": 7,
    "compiler/fmt": 7,
    "compiler/diff": 7,
    "compiler/import": 7,
    "compiler/lsp": 7,
    "compiler/cmd": 8,
}
# Made by the build (bison, flex) from grammar/.
GENERATED = {"parser.h": "grammar", "lexer.h": "grammar"}
SUFFIXES = (".c", ".h", ".y", ".l", ".def")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def private(name):
    """A folder's own header, for its files only."""
    base = os.path.basename(name)
    return base.endswith("_impl.h") or base == "scan.h"


def folders(root):
    out = []
    for top in ("runtime", "grammar"):
        if os.path.isdir(os.path.join(root, top)):
            out.append(top)
    comp = os.path.join(root, "compiler")
    for name in sorted(os.listdir(comp)):
        if os.path.isdir(os.path.join(comp, name)):
            out.append("compiler/" + name)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    dirs = folders(root)
    for d in dirs:
        if d not in RANKS:
            problems.append(f"{d}/: a folder with no place in the layers "
                            "(scripts/check-layers.py)")
    where = {}  # header name -> folder
    files = []  # (folder, name)
    for d in dirs:
        for name in sorted(os.listdir(os.path.join(root, d))):
            if name.endswith(SUFFIXES):
                files.append((d, name))
                if name.endswith((".h", ".def")):
                    if name in where:
                        problems.append(f"{d}/{name}: the same name as "
                                        f"{where[name]}/{name}")
                    where[name] = d
    for name, d in GENERATED.items():
        where.setdefault(name, d)

    edges = {}  # "folder/name" -> set of "folder/header"
    for d, name in files:
        path = f"{d}/{name}"
        with open(os.path.join(root, path), encoding="utf-8") as f:
            text = f.read()
        edges[path] = set()
        for inc in INCLUDE.findall(text):
            # A file's own folder first, as the compiler looks.
            target = d if os.path.exists(os.path.join(root, d, inc)) \
                else where.get(os.path.basename(inc))
            if target is None:
                problems.append(f"{path}: includes \"{inc}\", which is in "
                                "no layer")
                continue
            edges[path].add(f"{target}/{os.path.basename(inc)}")
            if target != d and private(inc):
                problems.append(f"{path}: includes \"{inc}\", private to "
                                f"{target}/")
            if d in RANKS and target in RANKS and RANKS[target] > RANKS[d]:
                problems.append(f"{path}: includes \"{inc}\" from "
                                f"{target}/, a layer above {d}/")

    # Folders of one rank: one way only.
    uses = {}
    for src, tgts in edges.items():
        for t in tgts:
            a, b = src.rsplit("/", 1)[0], t.rsplit("/", 1)[0]
            if a != b:
                uses.setdefault((a, b), []).append((src, t))
    for (a, b), why in sorted(uses.items()):
        if a < b and (b, a) in uses:
            problems.append(f"{a}/ and {b}/ include each other "
                            f"({why[0][0]} -> {why[0][1]}, "
                            f"{uses[(b, a)][0][0]} -> {uses[(b, a)][0][1]})")

    # Circles among headers.
    headers = {p: {t for t in ts if t in edges}
               for p, ts in edges.items() if p.endswith((".h", ".def"))}
    state = {}

    def visit(p, stack):
        state[p] = 1
        stack.append(p)
        for t in sorted(headers.get(p, ())):
            if state.get(t) == 1:
                circle = stack[stack.index(t):] + [t]
                problems.append("headers include each other: " +
                                " -> ".join(circle))
            elif t not in state:
                visit(t, stack)
        stack.pop()
        state[p] = 2

    for p in sorted(headers):
        if p not in state:
            visit(p, [])

    # Modules (x.c and x.h) that use each other.
    def module(p):
        return p.rsplit(".", 1)[0]

    has_c = {module(p) for p in edges if p.endswith(".c")}
    mod_uses = {}
    for src, tgts in edges.items():
        for t in tgts:
            a, b = module(src), module(t)
            if a != b and a in has_c and b in has_c:
                mod_uses.setdefault(a, set()).add(b)
    for a in sorted(mod_uses):
        for b in sorted(mod_uses[a]):
            if a < b and a in mod_uses.get(b, ()):
                problems.append(f"{a}.c and {b}.c use each other (each "
                                "includes the other's header)")

    for p in problems:
        print("check-layers: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
