#!/usr/bin/env python3
"""check-layers.py — the include graph points downward (docs/design.md).

Reads every #include "..." in runtime/, grammar/ and compiler/*/ and fails
(exit 1, one line per problem) when

  - a file includes a header of a layer above its own, in the order

        runtime < base < domain < grammar < check < lower < load
                < {emit, fmt, diff, import, eval, lsp} < cmd

    (folders of one rank may use each other, but not both ways);
  - headers include each other in a circle;
  - two modules (x.c with x.h) each include the other's header: two files
    that call each other;
  - a folder's private header (NAME_impl.h, grammar's scan.h) is included
    from another folder;
  - source files of one folder call each other's public (jx_) functions
    in a circle: a.c calls b.c and b.c calls a.c, or longer.  The include
    graph cannot see that when both declare through one private header.

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
    "compiler/eval": 7,
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


def circles(graph):
    """Each circle of a directed graph (a dict of sorted lists), once per
    back edge met in a depth-first walk: [a, b, ..., a]."""
    found, state = [], {}

    def visit(n, stack):
        state[n] = 1
        stack.append(n)
        for t in graph.get(n, ()):
            if state.get(t) == 1:
                found.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t, stack)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [])
    return found


# What a source file defines and calls: a public function is a jx_ name
# defined at the start of a line, not static; a call is any later mention.
# Comments, strings and character constants are blanked first (a "//" in
# a string is not a comment).
LEXEMES = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'
                     r"'(?:\\.|[^'\\\n])*'", re.S)
DEFINITION = re.compile(r"^(?!static\b)[A-Za-z_][\w *]*?[\s*](jx_\w+)\s*\("
                        r"[^;]*?\)\s*\{", re.M)
MENTION = re.compile(r"\bjx_\w+\b")


def call_circles(root, dirs):
    problems = []
    for d in dirs:
        texts = {}
        for name in sorted(os.listdir(os.path.join(root, d))):
            if name.endswith((".c", ".y", ".l")):
                with open(os.path.join(root, d, name), encoding="utf-8") as f:
                    texts[name] = LEXEMES.sub(
                        lambda m: " " if m.group(0)[0] == "/" else '""',
                        f.read())
        owner = {}
        for name, text in texts.items():
            for m in DEFINITION.finditer(text):
                owner.setdefault(m.group(1), name)
        calls = {name: sorted({owner[w] for w in MENTION.findall(text)
                               if owner.get(w, name) != name})
                 for name, text in texts.items()}
        for circle in circles(calls):
            problems.append(f"{d}/: files call each other: " +
                            " -> ".join(circle))
    return problems


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
    for circle in circles({p: sorted(ts) for p, ts in headers.items()}):
        problems.append("headers include each other: " + " -> ".join(circle))

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

    problems += call_circles(root, dirs)

    for p in problems:
        print("check-layers: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
