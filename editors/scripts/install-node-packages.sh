#!/bin/sh
# install-node-packages.sh — the node packages that make test-editors and
# make editors use: editors/package-lock.json (vscode-tmgrammar-test,
# @vscode/vsce, tree-sitter-cli) and the extension's own runtime dependency
# (editors/vscode/package-lock.json: vscode-languageclient).  Called by
# scripts/install-deps.sh when JX_WANT_EDITORS=1.
#
# Never fails: a package that cannot be had is reported here, and
# test-editors.sh decides whether that is a failure (the registry answers)
# or a skip (it does not).  A lock file already installed is not installed
# again.  Install scripts are not run (--ignore-scripts): the one package
# that needs its own, tree-sitter-cli, downloads its program from
# github.com, so that is tried on its own and may fail without harm.
set -u
ED=$(cd "$(dirname "$0")/.." && pwd)

install() { # DIR [npm ci options]
  dir=$1; shift
  stamp="$dir/node_modules/.jx-installed-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
    return 0
  fi
  start=$(date +%s)
  if npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund \
       --loglevel=error "$@" >"$dir/.npm-ci.log" 2>&1; then
    cp "$dir/package-lock.json" "$stamp"
    echo "install-node-packages: npm ci in editors${dir#"$ED"}: $(( $(date +%s) - start )) s"
    rm -f "$dir/.npm-ci.log"
  else
    echo "install-node-packages: npm ci in $dir failed; see $dir/.npm-ci.log" >&2
  fi
}

if ! command -v npm >/dev/null 2>&1; then
  echo "install-node-packages: npm is not installed" >&2
  exit 0
fi
install "$ED"
install "$ED/vscode" --omit=dev

# tree-sitter-cli's program, fetched by its own install script (once: a
# failure is remembered in .jx-install-failed until the lock file changes).
ts="$ED/node_modules/tree-sitter-cli"
if [ -d "$ts" ] && [ ! -x "$ts/tree-sitter" ] && [ ! -f "$ts/.jx-install-failed" ]; then
  if ! (cd "$ts" && timeout 300 node install.js) >"$ts/.jx-install.log" 2>&1 ||
     [ ! -x "$ts/tree-sitter" ]; then
    mv "$ts/.jx-install.log" "$ts/.jx-install-failed"
    rm -f "$ts/tree-sitter"
    echo "install-node-packages: tree-sitter-cli could not fetch its program: $(grep -m1 -E 'Error|ENOTFOUND|failed' "$ts/.jx-install-failed")" >&2
  fi
fi
exit 0
