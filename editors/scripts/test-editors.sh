#!/bin/sh
# test-editors.sh — every test of editors/, run by `make test-editors` (and
# so by `make test`).  Each step prints one line: ok, FAIL (with what went
# wrong) or SKIP (with why); the last line counts them.
#
#   JXC   the jxc to check samples with (default build/jxc)
#   B     the build directory for generated files (default build)
#   TREE_SITTER   a tree-sitter CLI to use instead of the npm package's
#
# A step skips only when what it needs cannot be had here: Vim is not
# installed, the npm registry does not answer, or no tree-sitter CLI could
# be installed (the npm package downloads its program from github.com).
set -u
cd "$(dirname "$0")/../.." || exit 2
JXC=${JXC:-build/jxc}
B=${B:-build}
OUT="$B/editors"
ED=editors
NM="$ED/node_modules/.bin"
rm -rf "$OUT/test" && mkdir -p "$OUT/test" || exit 2
T="$OUT/test"

passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); echo "test-editors: ok   $1"; }
fail() {
  failed=$((failed + 1)); echo "test-editors: FAIL $1"
  [ -s "$T/log" ] && sed 's/^/    /' "$T/log" | head -60
}
skip() { skipped=$((skipped + 1)); echo "test-editors: SKIP $1"; }
# run NAME COMMAND...: ok if COMMAND exits 0, else FAIL with its output.
run() {
  name=$1; shift
  if "$@" >"$T/log" 2>&1; then ok "$name ($(tail -n 1 "$T/log"))"; else fail "$name"; fi
}

if ! command -v node >/dev/null 2>&1; then
  echo "test-editors: node is not installed (scripts/install-deps.sh with JX_WANT_EDITORS=1 installs it)"
  echo "test-editors: 0 passed, 1 failed"
  exit 1
fi

# ---- always: the spellings, the generated files, the grammar's shape ---------
run "vocab.json matches compiler/domain/vocab.def and grammar/lexer.l" node "$ED/scripts/check-vocab.js"
run "generated grammars are up to date" node "$ED/scripts/gen.js" --check
run "tree-sitter grammar and queries are consistent" node "$ED/scripts/check-tree-sitter.js"

# The test inputs are jixiao: jxc parses every corpus input and sample
# (jxc fmt reads the whole syntax and nothing of the checker's rules).
node "$ED/scripts/corpus-inputs.js" "$T/corpus" >/dev/null
: >"$T/log"
n=0
for f in "$T"/corpus/*.jx "$ED"/tree-sitter-jixiao/test/highlight/*.jx "$ED"/vim/test/sample.jx; do
  n=$((n + 1))
  "$JXC" fmt "$f" >/dev/null 2>>"$T/log" || echo "jxc fmt $f failed" >>"$T/log"
done
if [ -s "$T/log" ]; then fail "jxc parses the corpus and samples"; else ok "jxc parses the corpus and samples ($n files)"; fi

if node --test "$ED/vscode/test/" >"$T/log" 2>&1; then
  ok "VS Code client (node --test: $(grep -E '^# (pass|fail) ' "$T/log" | sed 's/^# //' | paste -sd, - | sed 's/,/, /'))"
else
  fail "VS Code client (node --test)"
fi

# ---- Vim (and Neovim when it is there) ---------------------------------------
vimtest() { # PROGRAM ARGS...
  rm -f "$T/vim.out"
  JX_VIM_OUT="$T/vim.out" "$@" --cmd 'set encoding=utf-8' --cmd "set rtp^=$ED/vim" \
    --cmd 'filetype on' --cmd 'syntax on' "$ED/vim/test/sample.jx" \
    -S "$ED/vim/test/syntax.vim" </dev/null >/dev/null 2>&1
  st=$?
  cp "$T/vim.out" "$T/log" 2>/dev/null || echo "no result written (exit $st)" >"$T/log"
  [ $st = 0 ] && [ -s "$T/vim.out" ]
}
if command -v vim >/dev/null 2>&1; then
  if vimtest vim -Nu NONE -i NONE -Es; then ok "Vim filetype and syntax ($(tail -n 1 "$T/log"))"
  else fail "Vim filetype and syntax"; fi
else
  skip "Vim filetype and syntax: vim is not installed"
fi
if command -v nvim >/dev/null 2>&1; then
  if vimtest nvim --headless -u NONE -i NONE; then ok "Neovim filetype and syntax ($(tail -n 1 "$T/log"))"
  else fail "Neovim filetype and syntax"; fi
fi

# ---- the node packages: TextMate grammar tests and the .vsix -------------------
have_packages=1
if [ ! -x "$NM/vscode-tmgrammar-test" ] || [ ! -x "$NM/vsce" ] ||
   [ ! -d "$ED/vscode/node_modules/vscode-languageclient" ]; then
  have_packages=0
  if timeout 30 npm ping >/dev/null 2>&1; then
    : >"$T/log"
    for l in "$ED/.npm-ci.log" "$ED/vscode/.npm-ci.log"; do [ -f "$l" ] && tail -n 20 "$l" >>"$T/log"; done
    fail "node packages: not installed, though the npm registry answers (run scripts/install-deps.sh with JX_WANT_EDITORS=1)"
  else
    echo "test-editors: the npm registry does not answer: the node packages cannot be installed"
  fi
fi
if [ $have_packages = 1 ]; then
  run "TextMate grammar (vscode-tmgrammar-test, English and Chinese samples)" \
    "$NM/vscode-tmgrammar-test" --config "$ED/vscode/package.json" "$ED/vscode/test/syntax/*.jx"
  : >"$T/log"
  if "$ED/scripts/build-vsix.sh" "$T/jixiao.vsix" >"$T/log" 2>&1 &&
     unzip -l "$T/jixiao.vsix" >"$T/vsix.list" 2>>"$T/log"; then
    for f in extension/package.json extension/extension.js extension/server.js \
             extension/language-configuration.json extension/syntaxes/jixiao.tmLanguage.json \
             extension/node_modules/vscode-languageclient/node.js; do
      grep -q " $f\$" "$T/vsix.list" || echo "missing from the .vsix: $f" >>"$T/log"
    done
    grep -q ' extension/test/' "$T/vsix.list" && echo "the .vsix holds the tests" >>"$T/log"
    if grep -q -e '^missing' -e 'holds the tests' "$T/log"; then fail ".vsix contents"
    else ok ".vsix built and holds the grammar, language configuration and client ($(grep -c ' extension/' "$T/vsix.list") files)"; fi
  else
    fail ".vsix (vsce package)"
  fi
else
  skip "TextMate grammar tests: no vscode-tmgrammar-test (see above)"
  skip ".vsix: no @vscode/vsce (see above)"
fi

# ---- tree-sitter: generate, corpus and highlight tests, examples and goldens ---
ts=${TREE_SITTER:-}
if [ -z "$ts" ] && [ -x "$ED/node_modules/tree-sitter-cli/tree-sitter" ]; then
  ts="$ED/node_modules/tree-sitter-cli/tree-sitter"
fi
if [ -z "$ts" ] && command -v tree-sitter >/dev/null 2>&1; then ts=tree-sitter; fi
if [ -z "$ts" ]; then
  why="no tree-sitter CLI"
  if [ -f "$ED/node_modules/tree-sitter-cli/.jx-install-failed" ]; then
    why="$why: the npm package tree-sitter-cli is installed, but its install script could not download its program from github.com ($(grep -m1 -o -E 'ENOTFOUND [^ ]*|status: [0-9]+|ETIMEDOUT|ECONNREFUSED' "$ED/node_modules/tree-sitter-cli/.jx-install-failed" || echo 'see node_modules/tree-sitter-cli/.jx-install-failed'))"
  elif [ $have_packages = 0 ]; then
    why="$why: the npm registry does not answer"
  fi
  skip "tree-sitter generate, corpus, highlight and parse tests: $why; set TREE_SITTER=/path/to/tree-sitter to run them"
else
  # Everything tree-sitter writes stays in the build tree, not in $HOME.
  TSB="$OUT/tree-sitter-jixiao"
  rm -rf "$TSB" && mkdir -p "$TSB" "$OUT/tree-sitter-home"
  cp -R "$ED/tree-sitter-jixiao/." "$TSB/"
  export TREE_SITTER_DIR="$PWD/$OUT/tree-sitter-home" TREE_SITTER_LIBDIR="$PWD/$OUT/tree-sitter-home/lib"
  export XDG_CACHE_HOME="$PWD/$OUT/tree-sitter-home/cache" XDG_CONFIG_HOME="$PWD/$OUT/tree-sitter-home/config"
  case $ts in */*) ts=$(cd "$(dirname "$ts")" && pwd)/$(basename "$ts") ;; esac
  start=$(date +%s)
  run "tree-sitter generate" sh -c "cd '$TSB' && '$ts' generate && echo generated"
  echo "test-editors: tree-sitter generate took $(( $(date +%s) - start )) s"
  run "tree-sitter test (corpus and highlight tests)" sh -c "cd '$TSB' && '$ts' test"
  # Every example, and every golden input that jxc builds without error,
  # parses without ERROR or MISSING nodes.
  : >"$T/files"
  for f in examples/*.jx; do echo "$f" >>"$T/files"; done
  for f in tests/golden/*/*.jx; do
    "$JXC" build -f json "$f" >/dev/null 2>&1 && echo "$f" >>"$T/files"
  done
  n=$(wc -l <"$T/files")
  : >"$T/log"
  top=$PWD
  while read -r f; do
    (cd "$TSB" && "$ts" parse "$top/$f") >"$T/parse.out" 2>&1
    st=$?
    if [ $st != 0 ] || grep -q -e ERROR -e MISSING "$T/parse.out"; then
      echo "$f: tree-sitter parse exit $st" >>"$T/log"
      grep -m 5 -e ERROR -e MISSING "$T/parse.out" >>"$T/log"
    fi
  done <"$T/files"
  if [ -s "$T/log" ]; then fail "tree-sitter parses the examples and the golden inputs that build"
  else ok "tree-sitter parses the examples and the golden inputs that build ($n files, no ERROR or MISSING)"; fi
fi

echo "test-editors: $passed passed, $failed failed, $skipped skipped"
[ $failed = 0 ]
