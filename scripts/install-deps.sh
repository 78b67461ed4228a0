#!/bin/sh
# Installs what jixiao needs to build and test, and nothing when it is all
# there already.  Called by `make demo`, `make test` and .ci/run, so a fresh
# Debian machine needs no manual set-up step.
set -eu

missing=""
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
[ -f /usr/include/cmocka.h ] || missing="$missing libcmocka-dev"
[ -f /usr/include/utf8proc.h ] || missing="$missing libutf8proc-dev"
# jxc import: zip (minizip), XML (expat), .xls (freexl), INI (inih), CSV.
[ -f /usr/include/minizip/unzip.h ] || missing="$missing libminizip-dev"
[ -f /usr/include/zlib.h ] || missing="$missing zlib1g-dev"
[ -f /usr/include/expat.h ] || missing="$missing libexpat1-dev"
[ -f /usr/include/freexl.h ] || missing="$missing libfreexl-dev"
[ -f /usr/include/ini.h ] || missing="$missing libinih-dev"
[ -f /usr/include/csv.h ] || missing="$missing libcsv-dev"
# The golden and interoperability tests use these.
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v git >/dev/null 2>&1 || missing="$missing git"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
# The import tests build workbooks (tests/import/sheets.py) with Debian's
# python3: openpyxl writes .xlsx, xlwt real BIFF8 .xls.
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 ||
  missing="$missing python3-openpyxl"
/usr/bin/python3 -c 'import xlwt' >/dev/null 2>&1 ||
  missing="$missing python3-xlwt"
if [ "${JX_WANT_CLANG:-0}" = 1 ]; then
  command -v clang >/dev/null 2>&1 || missing="$missing clang"
fi
# make fuzz: clang's libFuzzer runtime (not in every clang package).
if [ "${JX_WANT_FUZZ:-0}" = 1 ] &&
   ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a \
       >/dev/null 2>&1; then
  missing="$missing libclang-rt-dev"
fi

[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-deps: need root (or sudo) to install:$missing" >&2
    exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
