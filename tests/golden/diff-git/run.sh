#!/bin/sh
# diff-git: jxc as git's diff driver for *.jx, in a throwaway repository:
# `git diff` and `git log -p` show the plan's changes in meaning, and a
# commit that only reformats shows that it changes nothing.
set -e
JXC_ABS=$(cd "$(dirname "$JXC")" && pwd)/$(basename "$JXC")
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T" GIT_CONFIG_NOSYSTEM=1 GIT_PAGER=cat PAGER=cat
cd "$T"
git init -q repo
cd repo
git config user.email test@example.com
git config user.name test
git config diff.jixiao.command "$JXC_ABS diff --git"
echo '*.jx diff=jixiao' > .gitattributes
cp "$ROOT/examples/beidaihe-2021.jx" plan.jx
git add .gitattributes plan.jx
git commit -qm "2021 plan"
cp "$ROOT/examples/beidaihe-2022.jx" plan.jx
echo "== git diff (working tree)"
git diff
git commit -qam "2022 plan"
cp "$ROOT/tests/golden/diff-identical/respelled.jx" plan.jx
git commit -qam "back to the 2021 plan, reordered and re-spelled"
echo "== git log -p --ext-diff"
git log -p --ext-diff --format='commit: %s'
echo "== git diff HEAD~2 HEAD (reformatted only)"
git diff HEAD~2 HEAD
echo "== git diff --cached (a new file: the old side is /dev/null)"
cp "$ROOT/examples/card-sample.jx" card.jx
git add card.jx
git diff --cached
