#!/bin/sh
# win-deps.sh DIR — the C libraries jxc.exe links, built for Windows
# (mingw-w64, static) from Debian's own source packages into DIR/include
# and DIR/lib, for `make windows` (docs/windows.md).
#
# Debian ships none of them built for mingw (only zlib), so each is
# fetched with `apt-get source` through a private apt configuration under
# DIR/apt: the machine's own archive entries, as deb-src, and nothing of
# the system's apt set-up changed.  Debian's patches are applied
# (dpkg-source), so the Windows build has the same fixes as the Linux one.
#
# A library that cannot be had (no network, a source package missing from
# the mirror) is left out, and DIR/config.mk says which ones were built:
# the Makefile then builds jxc.exe without the feature that needs it
# (JX_NO_* in docs/windows.md), and that command says so when run.  Only
# utf8proc is required.  Built once: remove DIR to build again.
set -eu

dir=${1:?usage: win-deps.sh DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
[ -f "$dir/config.mk" ] && exit 0

CC=${WIN_CC:-x86_64-w64-mingw32-gcc}
AR=${WIN_AR:-x86_64-w64-mingw32-ar}
CFLAGS="-O2 -w"
src=$dir/src
inc=$dir/include
lib=$dir/lib
log=$dir/log
# The unpacked sources are kept: a rebuild fetches only what is missing.
rm -rf "$inc" "$lib" "$log"
mkdir -p "$src" "$inc/minizip" "$lib" "$log"

# ---- sources: apt-get source through a private configuration ----------
apt=$dir/apt
rm -rf "$apt"
mkdir -p "$apt/parts" "$apt/lists/partial" "$apt/cache/archives/partial"
# The archive entries this machine already uses, turned into deb-src.
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  sed 's/^Types:.*/Types: deb-src/' "$f" >"$apt/parts/$(basename "$f")"
done
: >"$apt/sources.list"
if [ -f /etc/apt/sources.list ]; then
  sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list >"$apt/sources.list"
fi
APT="-o Dir::Etc::SourceList=$apt/sources.list
     -o Dir::Etc::SourceParts=$apt/parts
     -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache
     -o Debug::NoLocking=1 -o APT::Sandbox::User=root -qq"
updated=0

# fetch PKG: unpacks Debian's source package PKG into $src/PKG-VERSION:
# the newest version the archive lists, or, when the mirror lacks its
# files (a security update not mirrored yet), the next one.
fetch() {
  if [ $updated = 0 ]; then
    updated=1
    echo "win-deps: fetching Debian's sources (apt-get source)" >&2
    # shellcheck disable=SC2086
    apt-get $APT update >"$log/apt-update.log" 2>&1 ||
      echo "win-deps: apt-get update failed (see $log/apt-update.log)" >&2
  fi
  # shellcheck disable=SC2086
  versions=$(apt-cache $APT showsrc "$1" 2>/dev/null |
    sed -n 's/^Version: //p' | sort -urV)
  : >"$log/$1.fetch.log"
  for v in $versions; do
    # shellcheck disable=SC2086
    (cd "$src" && apt-get $APT source "$1=$v" >>"$log/$1.fetch.log" 2>&1) &&
      return 0
  done
  echo "win-deps: cannot fetch the source of $1 (see $log/$1.fetch.log)" >&2
  return 1
}
# The unpacked tree of PKG.
tree() {
  for d in "$src/$1"-*; do
    [ -d "$d" ] && { echo "$d"; return 0; }
  done
  return 1
}
# archive NAME OBJ...: lib/libNAME.a.
archive() {
  name=$1
  shift
  rm -f "$lib/lib$name.a"
  "$AR" rcs "$lib/lib$name.a" "$@" || { rm -f "$lib/lib$name.a"; return 1; }
}
# cc_all OUTDIR FLAGS -- FILE...: each FILE compiled into OUTDIR.
cc_all() {
  out=$1
  shift
  flags=""
  while [ "$1" != -- ]; do
    flags="$flags $1"
    shift
  done
  shift
  mkdir -p "$out"
  for f in "$@"; do
    # shellcheck disable=SC2086
    "$CC" $CFLAGS $flags -c -o "$out/$(basename "$f" .c).o" "$f" || return 1
  done
}

build_utf8proc() {
  t=$(tree utf8proc)
  cc_all "$t/o" -DUTF8PROC_STATIC -- "$t/utf8proc.c"
  archive utf8proc "$t"/o/*.o
  cp "$t/utf8proc.h" "$inc/"
}

# zlib, and minizip from its contrib/ (as Debian builds libminizip).
build_zlib() {
  t=$(tree zlib)
  cc_all "$t/o" -- "$t"/adler32.c "$t"/compress.c "$t"/crc32.c \
    "$t"/deflate.c "$t"/gzclose.c "$t"/gzlib.c "$t"/gzread.c "$t"/gzwrite.c \
    "$t"/infback.c "$t"/inffast.c "$t"/inflate.c "$t"/inftrees.c \
    "$t"/trees.c "$t"/uncompr.c "$t"/zutil.c
  archive z "$t"/o/*.o
  cp "$t/zlib.h" "$t/zconf.h" "$inc/"
}

build_minizip() {
  t=$(tree zlib)/contrib/minizip
  cc_all "$t/o" -I"$inc" -- "$t/ioapi.c" "$t/unzip.c" "$t/zip.c" "$t/iowin32.c"
  archive minizip "$t"/o/*.o
  cp "$t/ioapi.h" "$t/unzip.h" "$t/zip.h" "$t/iowin32.h" "$inc/minizip/"
}

build_expat() {
  t=$(tree expat)/expat/lib
  cat >"$t/expat_config.h" <<'EOF'
/* Written by scripts/win-deps.sh for the mingw-w64 build. */
#define BYTEORDER 1234
#define HAVE_MEMMOVE 1
#define XML_CONTEXT_BYTES 1024
#define XML_DTD 1
#define XML_NS 1
EOF
  cc_all "$t/o" -DXML_STATIC -I"$t" -- "$t/xmlparse.c" "$t/xmlrole.c" \
    "$t/xmltok.c"
  archive expat "$t"/o/*.o
  cp "$t/expat.h" "$t/expat_external.h" "$inc/"
}

build_csv() {
  t=$(tree libcsv)
  cc_all "$t/o" -I"$t" -- "$t/libcsv.c"
  archive csv "$t"/o/*.o
  cp "$t/csv.h" "$inc/"
}

build_inih() {
  t=$(tree libinih)
  cc_all "$t/o" -- "$t/ini.c"
  archive inih "$t"/o/*.o
  cp "$t/ini.h" "$inc/"
}

# libxlsxwriter, with the minizip above rather than its own copy (one
# minizip in the executable).
build_xlsxwriter() {
  t=$(tree libxlsxwriter)
  cc_all "$t/o" -DUSE_SYSTEM_MINIZIP -I"$t/include" \
    -I"$inc" -- "$t"/src/*.c "$t/third_party/md5/md5.c" \
    "$t/third_party/tmpfileplus/tmpfileplus.c"
  archive xlsxwriter "$t"/o/*.o
  cp -r "$t/include/xlsxwriter" "$t/include/xlsxwriter.h" "$inc/"
}

# have NAME PKG BUILD LIB: fetches PKG if not yet there, runs BUILD, and
# records WIN_HAVE_NAME in config.mk: 1 when it made lib/libLIB.a.
: >"$dir/config.mk.tmp"
have() {
  ok=0
  if tree "$2" >/dev/null || fetch "$2"; then
    if ($3) >"$log/$1.build.log" 2>&1 && [ -f "$lib/lib$4.a" ]; then
      ok=1
    else
      echo "win-deps: building $1 failed (see $log/$1.build.log)" >&2
    fi
  fi
  echo "WIN_HAVE_$1 := $ok" >>"$dir/config.mk.tmp"
  [ $ok = 1 ] && echo "win-deps: built $1" >&2
  return 0
}
have UTF8PROC utf8proc build_utf8proc utf8proc
have ZLIB zlib build_zlib z
have MINIZIP zlib build_minizip minizip
have EXPAT expat build_expat expat
have CSV libcsv build_csv csv
have INIH libinih build_inih inih
have XLSXWRITER libxlsxwriter build_xlsxwriter xlsxwriter
if ! grep -q '^WIN_HAVE_UTF8PROC := 1' "$dir/config.mk.tmp"; then
  echo "win-deps: utf8proc, which jxc cannot do without, was not built" >&2
  exit 3
fi
mv "$dir/config.mk.tmp" "$dir/config.mk"
