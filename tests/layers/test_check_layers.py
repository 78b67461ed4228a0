#!/usr/bin/env python3
"""test_check_layers.py — scripts/check-layers.py on small trees made here,
one rule broken in each, with the exact lines it must print (and a clean
tree, on which it must print nothing).  Run by `make check-layers`."""
import os
import subprocess
import sys
import tempfile

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "..", "scripts", "check-layers.py")

# The smallest tree with every folder check-layers knows.
BASE = {
    "runtime/jixiao.h": "",
    "compiler/base/arena.h": '#include "jixiao.h"\n',
    "compiler/base/arena.c": '#include "arena.h"\nvoid jx_arena(void) {}\n',
    "compiler/check/check.h": '#include "arena.h"\n',
    "compiler/lsp/lsp_impl.h": '#include "arena.h"\n',
}

CASES = [
    ("clean", {}, []),
    ("include from a layer above",
     {"compiler/base/out.c": '#include "check.h"\n'},
     ['compiler/base/out.c: includes "check.h" from compiler/check/, '
      "a layer above compiler/base/",
      "compiler/base/ and compiler/check/ include each other "
      "(compiler/base/out.c -> compiler/check/check.h, "
      "compiler/check/check.h -> compiler/base/arena.h)"]),
    ("private header from another folder",
     {"compiler/emit/emit.c": '#include "lsp_impl.h"\n'},
     ['compiler/emit/emit.c: includes "lsp_impl.h", private to '
      "compiler/lsp/"]),
    ("headers in a circle",
     {"compiler/base/a.h": '#include "b.h"\n',
      "compiler/base/b.h": '#include "a.h"\n'},
     ["headers include each other: compiler/base/a.h -> compiler/base/b.h "
      "-> compiler/base/a.h"]),
    # The "//" in a string is not a comment: the call after it counts.
    ("files calling each other through one private header",
     {"compiler/lsp/doc.c": '#include "lsp_impl.h"\n'
                            "int jx_doc(void) { return jx_config(); }\n",
      "compiler/lsp/config.c": '#include "lsp_impl.h"\n'
                               "int jx_config(void) {\n"
                               '  const char *u = "file://"; jx_doc();\n'
                               "  return u[0];\n}\n"},
     ["compiler/lsp/: files call each other: config.c -> doc.c -> "
      "config.c"]),
    # A mention in a comment or a string is not a call.
    ("mentions that are not calls",
     {"compiler/lsp/doc.c": "int jx_doc(void) { return 0; }\n",
      "compiler/lsp/config.c": "/* jx_doc() */\nint jx_config(void) {\n"
                               '  return "jx_doc()"[0];\n}\n',
      "compiler/lsp/user.c": "int jx_user(void) { return jx_config(); }\n"},
     []),
]


def run(files):
    with tempfile.TemporaryDirectory() as root:
        for path, text in {**BASE, **files}.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)),
                        exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                f.write(text)
        r = subprocess.run([sys.executable, SCRIPT, root],
                           capture_output=True, text=True)
        return r.returncode, r.stdout.splitlines()


def main():
    failed = 0
    for name, files, want in CASES:
        rc, lines = run(files)
        want_lines = ["check-layers: " + w for w in want]
        if lines != want_lines or rc != (1 if want else 0):
            failed += 1
            print(f"test_check_layers: FAILED {name}: exit {rc}")
            for line in lines:
                print("  got:  " + line)
            for line in want_lines:
                print("  want: " + line)
    print(f"test_check_layers: {len(CASES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
