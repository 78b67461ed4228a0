#!/bin/sh
# install_check.sh — `make install` into a temporary DESTDIR, then use what
# was installed the way a budget system would (and man shows the manual
# pages): the installed jxc compiles a
# plan to a C header, and a program built with nothing but
# `pkg-config --cflags --libs jixiao` (pointed at the DESTDIR) includes it,
# links libjixiao.a and evaluates a target.
#
#   JXC=build/jxc tests/interop/install_check.sh
set -eu
. tests/interop/builddir.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pre=/opt/jixiao
# -o: use the jxc and library under test as they are, never rebuild them.
make -s --no-print-directory B="$BUILD" -o "$BUILD/jxc" -o "$BUILD/libjixiao.a" \
  install PREFIX=$pre \
  DESTDIR="$tmp/dest" >/dev/null
root=$tmp/dest$pre
for f in bin/jxc lib/libjixiao.a include/jixiao.h lib/pkgconfig/jixiao.pc \
  share/doc/jixiao/json.md share/doc/jixiao/csv.md share/doc/jixiao/c.md \
  share/man/man1/jxc.1 share/man/zh_CN/man1/jxc.1; do
  [ -f "$root/$f" ] && echo "installed $f"
done
[ -x "$root/bin/jxc" ] && echo "bin/jxc is executable"
# The manual pages as man shows them: their NAME lines.
for f in share/man/man1/jxc.1 share/man/zh_CN/man1/jxc.1; do
  echo "man: $(MANWIDTH=80 man -l "$root/$f" 2>&1 | sed -n 's/^ *\(jxc - \)/\1/p')"
done
pc="pkg-config --define-variable=prefix=$root"
export PKG_CONFIG_PATH="$root/lib/pkgconfig"
echo "pkg-config: jixiao $(pkg-config --modversion jixiao)," \
  "$(pkg-config --cflags --libs jixiao)"
"$root/bin/jxc" build -f c --prefix sample -o "$tmp/sample.h" \
  examples/central2021-sample.jx
cat >"$tmp/app.c" <<'C'
#include <stdio.h>
#include "sample.h"
int main(void) {
  const jx_project *p =
      jx_plan_find_project(&sample_plan, "13099921XSZZ00000001A");
  const jx_indicator *x = p ? &p->indicators[0] : NULL;
  jx_decimal a480 = JX_DEC(480, 0), a479 = JX_DEC(479, 0);
  char b[JX_DECIMAL_BUFSZ];
  if (!p)
    return 1;
  jx_decimal_format(jx_schedule_expected(p, 7), b);
  printf("%d projects, %d indicators; first target %s: 480 met=%d, "
         "479 met=%d; expected by July %s%%\n",
         sample_n_projects, sample_n_indicators, x->text,
         jx_indicator_met(x, a480), jx_indicator_met(x, a479), b);
  return 0;
}
C
# shellcheck disable=SC2046,SC2086
cc -std=c99 -pedantic -Wall -Wextra -Werror -I"$tmp" $($pc --cflags jixiao) \
  -o "$tmp/app" "$tmp/app.c" $($pc --libs jixiao) $SANFLAGS
"$tmp/app"
