# dist-archive: what make dist puts in the release archive
# (scripts/dist.sh), that the .tar.gz and the .zip hold the same files,
# and that building it twice gives the same bytes.  It needs the Windows
# jxc.exe, so it runs in make test-windows (tests/windows/cases.txt, where
# tests/windows/run.sh sets JX_WINE_JXC); elsewhere it is skipped.
if [ -z "${JX_WINE_JXC:-}" ] || [ ! -f "$ROOT/$JX_WINE_JXC" ]; then
  echo "dist-archive: needs the Windows build (make test-windows)" >&2
  exit 77
fi
t=$(mktemp -d) || exit 99
jxc=$ROOT/build/jxc
scripts/gen-man.sh "$jxc" en "$t/man/jxc.1"
scripts/gen-man.sh "$jxc" zh "$t/man/zh_CN/jxc.1"
SOURCE_DATE_EPOCH=1700000000 scripts/dist.sh 9.9 "$jxc" "$ROOT/$JX_WINE_JXC" \
  "$t/man" "$t/a" >/dev/null
SOURCE_DATE_EPOCH=1700000000 scripts/dist.sh 9.9 "$jxc" "$ROOT/$JX_WINE_JXC" \
  "$t/man" "$t/b" >/dev/null
cmp "$t/a/jixiao-9.9.tar.gz" "$t/b/jixiao-9.9.tar.gz" && echo "tar.gz: the same bytes twice"
cmp "$t/a/jixiao-9.9.zip" "$t/b/jixiao-9.9.zip" && echo "zip: the same bytes twice"
tar tzf "$t/a/jixiao-9.9.tar.gz" | grep -v '/$' | sort >"$t/tar.txt"
python3 -c 'import sys, zipfile; print("\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))' \
  "$t/a/jixiao-9.9.zip" >"$t/zip.txt"
cmp "$t/tar.txt" "$t/zip.txt" && echo "zip: the same files as the tar.gz"
# Every doc and example, without listing them here (they change).
ls docs | sort >"$t/docs.want"
tar tzf "$t/a/jixiao-9.9.tar.gz" | sed -n 's|^jixiao-9.9/docs/\([^/]*\)/\{0,1\}$|\1|p' |
  grep . | sort -u >"$t/docs.got"
cmp "$t/docs.want" "$t/docs.got" && echo "docs/: all of it"
ls examples | sort >"$t/ex.want"
tar tzf "$t/a/jixiao-9.9.tar.gz" | sed -n 's|^jixiao-9.9/examples/\([^/]*\)$|\1|p' |
  grep . | sort >"$t/ex.got"
cmp "$t/ex.want" "$t/ex.got" && echo "examples/: all of it"
grep -v -E '/(docs|examples)/' "$t/tar.txt"
tar xzf "$t/a/jixiao-9.9.tar.gz" -C "$t"
"$t/jixiao-9.9/bin/linux-x86_64/jxc" version
head -c 2 "$t/jixiao-9.9/bin/windows-x86_64/jxc.exe"
echo " (jxc.exe)"
rm -rf "$t"
