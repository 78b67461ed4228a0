#!/bin/sh
# build-vsix.sh OUT.vsix — packages the VS Code extension (editors/vscode,
# with its runtime dependency vscode-languageclient) with @vscode/vsce.
# Used by `make editors` and by test-editors.sh.
set -eu
ED=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$(dirname "$1")"
out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$ED/vscode"
"$ED/node_modules/.bin/vsce" package --allow-missing-repository --skip-license --out "$out"
