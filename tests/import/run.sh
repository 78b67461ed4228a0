#!/bin/sh
# run.sh CASE JXC-ARGS... — builds the input of an import golden case with
# sheets.py in a fresh temporary folder, runs jxc there (so diagnostics name
# plan.xlsx, not a temporary path), and removes the folder.  Exits with
# jxc's status.  Debian's python3 is the one with python3-openpyxl and
# python3-xlwt (scripts/install-deps.sh installs them).
set -u
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
jxc=$(abs "${JXC:-build/jxc}")
[ -n "${JX_VALGRIND_JXC:-}" ] && JX_VALGRIND_JXC=$(abs "$JX_VALGRIND_JXC") &&
  export JX_VALGRIND_JXC
case_name=$1
shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/jxc-import-test.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
"$py" "$here/sheets.py" "$case_name" "$dir" || exit 2
cd "$dir" || exit 2
"$jxc" "$@"
rc=$?
# JX_THEN: a shell command run afterwards in the folder (cat out.jx)
[ -n "${JX_THEN:-}" ] && sh -c "$JX_THEN"
exit $rc
