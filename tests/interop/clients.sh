# clients.sh — sourced by the tests that drive real clients: finds them,
# and exits 77 (the golden runner's "skipped") with the reason when one is
# missing.  scripts/install-deps.sh installs them for `make test`; set
# JX_NO_CLIENTS=1 to skip these tests on purpose.

skip() {
  echo "skipped: $*" >&2
  exit 77
}

[ "${JX_NO_CLIENTS:-0}" = 1 ] && skip "JX_NO_CLIENTS=1"

# A python3 that has openpyxl: the one on PATH, or Debian's (where
# python3-openpyxl installs) when PATH leads to another one.
need_python_openpyxl() {
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import openpyxl' >/dev/null 2>&1; then
      PYTHON=$p
      return 0
    fi
  done
  skip "no python3 with openpyxl (Debian: python3-openpyxl)"
}

need_soffice() {
  command -v soffice >/dev/null 2>&1 ||
    skip "no LibreOffice (Debian: libreoffice-calc-nogui)"
}

# soffice_csv BOOK.xlsx DIR: every sheet to DIR/BOOK-SHEET.csv, UTF-8, cells
# as shown (so a number shows its format), in a private profile so that
# parallel runs do not share one.
soffice_csv() {
  mkdir -p "$2"
  soffice -env:UserInstallation="file://$2/.profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$2" "$1"
}

need_chromium() {
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then
      CHROMIUM=$c
      return 0
    fi
  done
  skip "no Chromium (Debian: chromium)"
}

# chromium_run ARGS...: headless, no network, a throw-away profile.
chromium_run() {
  prof=$(mktemp -d)
  "$CHROMIUM" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$prof" "$@"
  rc=$?
  rm -rf "$prof"
  return $rc
}
