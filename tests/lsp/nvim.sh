#!/bin/sh
# nvim.sh — `jxc lsp` with a real editor's client: Neovim, headless, with
# its built-in LSP client (nvim.lua), on a copy of nvim.jx.  What the
# client saw (the diagnostic through vim.diagnostic.get(), a hover, the
# quick fix applied, the diagnostics cleared) must equal nvim.expected.
# Skips (status 0, saying why) only when Neovim is not installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
JXC=$(cd "$(dirname "${JXC:-build/jxc}")" && pwd)/$(basename "${JXC:-build/jxc}")
if ! command -v nvim >/dev/null 2>&1; then
  echo "lsp-nvim: skipped: Neovim is not installed (scripts/install-deps.sh installs it)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/nvim.jx" "$tmp/plan.jx"
status=0
JXC=$JXC JX_FILE=$tmp/plan.jx JX_OUT=$tmp/out HOME=$tmp XDG_CONFIG_HOME=$tmp \
  XDG_DATA_HOME=$tmp XDG_STATE_HOME=$tmp XDG_CACHE_HOME=$tmp \
  timeout 60 nvim --headless --clean -n -u NONE -c "luafile $here/nvim.lua" \
  >"$tmp/log" 2>&1 || status=$?
if [ "$status" = 0 ] && cmp -s "$here/nvim.expected" "$tmp/out"; then
  echo "lsp-nvim: 1 passed, 0 failed ($(nvim --version | head -1))"
  exit 0
fi
echo "lsp-nvim: Neovim's client did not see what it should (status $status)"
[ -f "$tmp/out" ] && diff -u "$here/nvim.expected" "$tmp/out" || true
cat "$tmp/log"
echo "lsp-nvim: 0 passed, 1 failed"
exit 1
