#!/bin/sh
# dist.sh VERSION JXC JXC_EXE MANDIR OUTDIR — the release archive of make
# dist (docs/windows.md): OUTDIR/jixiao-VERSION.tar.gz, and the same tree
# as OUTDIR/jixiao-VERSION.zip for Windows users, holding
#
#   bin/linux-x86_64/jxc      the Linux build (dynamically linked: the
#                             libraries README-dist.txt names)
#   bin/windows-x86_64/jxc.exe  the Windows build (static, nothing to
#                             install)
#   man/man1/jxc.1, man/zh_CN/man1/jxc.1   the manual pages
#   docs/, examples/, README.md
#
# Both archives are the same bytes from the same inputs: entries sorted,
# owner root, times SOURCE_DATE_EPOCH (else the last commit's time).
set -eu
version=${1:?usage: dist.sh VERSION JXC JXC_EXE MANDIR OUTDIR}
jxc=$2
exe=$3
man=$4
out=$5
root=$(cd "$(dirname "$0")/.." && pwd)
name=jixiao-$version
stage=$out/$name
rm -rf "$stage" "$out/$name.tar.gz" "$out/$name.zip"
mkdir -p "$stage/bin/linux-x86_64" "$stage/bin/windows-x86_64" \
  "$stage/man/man1" "$stage/man/zh_CN/man1"
install -m 755 "$jxc" "$stage/bin/linux-x86_64/jxc"
install -m 755 "$exe" "$stage/bin/windows-x86_64/jxc.exe"
install -m 644 "$man/jxc.1" "$stage/man/man1/jxc.1"
install -m 644 "$man/zh_CN/jxc.1" "$stage/man/zh_CN/man1/jxc.1"
# Without debugging information: a third of the size.
strip "$stage/bin/linux-x86_64/jxc" 2>/dev/null || true
x86_64-w64-mingw32-strip "$stage/bin/windows-x86_64/jxc.exe" 2>/dev/null || true
cp -R "$root/docs" "$root/examples" "$stage/"
cp "$root/README.md" "$stage/"
# What the Linux binary needs at run time, as Debian names it.
libs=$(ldd "$jxc" 2>/dev/null | sed -n 's/^[[:space:]]*\(lib[^ ]*\.so[^ ]*\) =>.*/\1/p' |
  grep -v -E '^lib(c|m|pthread|dl|rt)\.so' | sort | tr '\n' ' ')
cat >"$stage/README-dist.txt" <<EOF
jixiao $version

bin/linux-x86_64/jxc        Linux (x86-64).  Needs these shared libraries:
                            $libs
                            (on Debian 12: apt-get install libutf8proc2
                            libxlsxwriter4 libminizip1 libexpat1 libfreexl1
                            libinih1 libcsv3; or build from the source).
bin/windows-x86_64/jxc.exe  Windows 10 or later (x86-64), statically linked:
                            copy it anywhere on PATH.  It cannot import .xls
                            and has no import --map: docs/windows.md.
man/                        the manual pages, English and Chinese
                            (man -l man/man1/jxc.1).
docs/                       the documentation; start with docs/cli.md.
examples/                   example plans.
EOF
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
find "$stage" -exec touch -h -d "@$epoch" {} +
(cd "$out" && tar --sort=name --owner=0 --group=0 --numeric-owner \
  --mtime="@$epoch" -cf - "$name" | gzip -n -9 >"$name.tar.gz")
python3 - "$out" "$name" "$epoch" <<'EOF'
import os, sys, time, zipfile
out, name, epoch = sys.argv[1], sys.argv[2], int(sys.argv[3])
when = time.gmtime(max(epoch, 315532800))[:6]  # zip starts at 1980
paths = []
for d, dirs, files in os.walk(os.path.join(out, name)):
    paths += [os.path.join(d, f) for f in files]
with zipfile.ZipFile(os.path.join(out, name + ".zip"), "w",
                     zipfile.ZIP_DEFLATED) as z:
    for p in sorted(paths):
        info = zipfile.ZipInfo(os.path.relpath(p, out), when)
        info.external_attr = (os.stat(p).st_mode & 0o777) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(p, "rb") as f:
            z.writestr(info, f.read())
EOF
rm -rf "$stage"
ls -l "$out/$name.tar.gz" "$out/$name.zip"
