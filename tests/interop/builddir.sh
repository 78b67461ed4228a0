# builddir.sh — sourced by the interop scripts: sets BUILD to the build
# directory that holds the jxc under test and its libjixiao.a.  $JXC is
# usually $(B)/jxc; under `make test-valgrind` it is a wrapper script and
# the real binary is $JX_VALGRIND_JXC.
BUILD=$(dirname "${JX_VALGRIND_JXC:-$JXC}")
if [ ! -f "$BUILD/libjixiao.a" ]; then
  echo "$0: no libjixiao.a beside ${JX_VALGRIND_JXC:-$JXC}" >&2
  exit 2
fi
# A sanitizer build's libjixiao.a (make asan, make test-asan) needs the
# sanitizer runtime of the compiler that built it; SANFLAGS links it.
SANFLAGS=
if nm "$BUILD/libjixiao.a" 2>/dev/null | grep -q __asan_; then
  SANFLAGS="-fsanitize=address,undefined"
fi
