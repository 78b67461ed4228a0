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
[ -f /usr/include/xlsxwriter.h ] || missing="$missing libxlsxwriter-dev"
# jxc import: zip (minizip), XML (expat), .xls (freexl), INI (inih), CSV.
[ -f /usr/include/minizip/unzip.h ] || missing="$missing libminizip-dev"
[ -f /usr/include/zlib.h ] || missing="$missing zlib1g-dev"
[ -f /usr/include/expat.h ] || missing="$missing libexpat1-dev"
[ -f /usr/include/freexl.h ] || missing="$missing libfreexl-dev"
[ -f /usr/include/ini.h ] || missing="$missing libinih-dev"
[ -f /usr/include/csv.h ] || missing="$missing libcsv-dev"
# jxc lsp: JSON-RPC messages are parsed by jansson (strict RFC 8259, checks
# UTF-8, 64-bit integers, keeps the order of keys when writing).
[ -f /usr/include/jansson.h ] || missing="$missing libjansson-dev"
# The golden and interoperability tests use these.
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v git >/dev/null 2>&1 || missing="$missing git"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
# tests/golden/sarif-schema (and build-jsonl-schema) validate jxc's JSON
# output against its schemas with Debian's jsonschema.
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 ||
  missing="$missing python3-jsonschema"
# The manual pages' test (make check-man): groff renders them.
command -v groff >/dev/null 2>&1 || missing="$missing groff-base"
# The clients the XLSX and HTML output is checked in (tests/interop/
# clients.sh; `make docs` uses them too): 87 packages, 670 MB installed,
# about 70 s to install (apt-get, measured).  Only for the tests and make
# docs (JX_WANT_CLIENTS=1), never for make demo; JX_NO_CLIENTS=1 leaves them
# out (their tests are then skipped).  A client that cannot be installed
# does not stop the build: its tests say "skipped" and why.
clients=""
if [ "${JX_WANT_CLIENTS:-0}" = 1 ]; then
  # The tests build workbooks (tests/import/sheets.py) and read the XLSX
  # output back with Debian's python3: openpyxl (.xlsx), xlwt (BIFF8 .xls).
  /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 ||
    missing="$missing python3-openpyxl"
  /usr/bin/python3 -c 'import xlwt' >/dev/null 2>&1 ||
    missing="$missing python3-xlwt"
  # tests/golden/ci-hooks reads .pre-commit-hooks.yaml.
  /usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 ||
    missing="$missing python3-yaml"
fi
if [ "${JX_WANT_CLIENTS:-0}" = 1 ] && [ "${JX_NO_CLIENTS:-0}" != 1 ]; then
  command -v soffice >/dev/null 2>&1 || clients="$clients libreoffice-calc-nogui"
  command -v chromium >/dev/null 2>&1 || clients="$clients chromium"
  command -v pdftotext >/dev/null 2>&1 || clients="$clients poppler-utils"
  command -v script >/dev/null 2>&1 || clients="$clients bsdutils"
  # A CJK font, or the browser and LibreOffice print boxes for 项目.
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] ||
    clients="$clients fonts-wqy-zenhei"
fi
# make windows and make test-windows (JX_WANT_WINDOWS=1, docs/windows.md):
# mingw-w64, dpkg-dev for `apt-get source` (scripts/win-deps.sh), and
# Wine to run the result.  Best effort, as the clients: without them
# make test-windows says "skipped" and why.
if [ "${JX_WANT_WINDOWS:-0}" = 1 ]; then
  command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 ||
    clients="$clients gcc-mingw-w64-x86-64-win32"
  command -v dpkg-source >/dev/null 2>&1 || clients="$clients dpkg-dev"
  command -v wine >/dev/null 2>&1 || clients="$clients wine wine64"
fi
if [ "${JX_WANT_CLANG:-0}" = 1 ]; then
  command -v clang >/dev/null 2>&1 || missing="$missing clang"
fi
# make fuzz: clang's libFuzzer runtime (not in every clang package).
if [ "${JX_WANT_FUZZ:-0}" = 1 ] &&
   ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a \
       >/dev/null 2>&1; then
  missing="$missing libclang-rt-dev"
fi

# make test-editors and make editors (JX_WANT_EDITORS=1): node and npm, Vim
# for the syntax test, then the node packages under editors/.
if [ "${JX_WANT_EDITORS:-0}" = 1 ]; then
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  command -v vim >/dev/null 2>&1 || missing="$missing vim"
fi
# The language server's interoperability test (tests/lsp/nvim.sh):
# Neovim's built-in LSP client.  Installed like the clients above: if it
# cannot be, that one test skips and says why.
if [ "${JX_WANT_EDITORS:-0}" = 1 ] || [ "${JX_WANT_CLIENTS:-0}" = 1 ]; then
  command -v nvim >/dev/null 2>&1 || clients="$clients neovim"
fi
editors() {
  if [ "${JX_WANT_EDITORS:-0}" = 1 ]; then
    "$(dirname "$0")/../editors/scripts/install-node-packages.sh"
  fi
}

[ -z "$missing$clients" ] && { editors; exit 0; }

echo "install-deps: installing:$missing$clients" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-deps: need root (or sudo) to install:$missing$clients" >&2
    [ -z "$missing" ] && exit 0 # only clients: their tests skip
    exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
if [ -n "$missing" ]; then
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ -n "$clients" ]; then
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $clients >/dev/null ||
    echo "install-deps: could not install:$clients; the tests that need" \
      "them will be skipped" >&2
fi
editors
