# build-output-oom: `jxc build -o FILE` that runs out of memory says
# "jxc: out of memory", removes its temporary and exits with status 2
# (not abort()'s 134), and FILE keeps its old content.  The seam is
# `ulimit -v`: find the least address space in which jxc builds a small
# plan here, allow a megabyte more, and feed it a generated plan that
# grows past that (the project codes it must keep unique grow with the
# input).  Sanitizer and valgrind builds cannot run under such a limit, so
# there the case is skipped; tests/unit/test_out.c covers the same exit.
set -u
t=$(mktemp -d) || exit 2
# the generator, when compiled here, goes beside the listed directory
g=$(mktemp -d) || exit 2
trap 'rm -rf "$t" "$g"' EXIT
# jx-gen sits beside jxc (make builds both); else compile it here.
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$g/jx-gen" \
    bench/gen.c || exit 2
  gen=$g/jx-gen
fi
fits() { # jxc builds a small plan within $1 KB of address space
  # (`|| exit 1` keeps the subshell from becoming jxc, so that the
  # subshell, not this shell, reports a crash, and to /dev/null)
  (ulimit -v $1 && $JXC build -o "$t/small.json" examples/card-sample.jx \
    || exit 1) >/dev/null 2>&1
}
if ! fits 65536; then
  echo "$JXC does not run within 64 MB of address space" >&2
  exit 77
fi
least=1000
until fits $least; do
  least=$((least + 250))
done
rm "$t/small.json"
echo old >"$t/out.json"
"$gen" -m 300 | (ulimit -v $((least + 1024)) &&
  exec $JXC build -o "$t/out.json" -)
echo "status $?"
ls -A "$t"
cat "$t/out.json"
