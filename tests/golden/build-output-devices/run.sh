# build-output-devices: an -o target that exists and is not a regular file
# (a device, a FIFO) is opened and written directly, as `cc -o /dev/null`
# does: nothing is renamed over it, so as root /dev/null stays a device.
# A write error there (/dev/full) is status 2.  `fmt -w` rewrites regular
# files only and refuses a device or a FIFO before reading anything.
# These use the real /dev/null and /dev/full; should jxc ever replace one,
# the case says so and (as root) puts the device back.
set -u
t=$(mktemp -d) || exit 2
dev() { stat -c '%F %t,%T' "$1"; }
check_devices() {
  for n in null:1,3 full:1,7; do
    f=/dev/${n%%:*}
    if [ "$(dev "$f")" != "character special file ${n#*:}" ]; then
      echo "$f IS NO LONGER A DEVICE"
      [ "$(id -u)" = 0 ] && rm -f "$f" && mknod -m 666 "$f" c 1 "${n##*,}"
    fi
  done
}
trap 'check_devices; rm -rf "$t"' EXIT
plan=examples/card-sample.jx

$JXC build -o /dev/null $plan 2>/dev/null
echo "-o /dev/null: status $?"
dev /dev/null
$JXC build -f c -o /dev/full $plan 2>"$t/err"
echo "-o /dev/full: status $?"
grep -v '^ \|warning' "$t/err"
dev /dev/full

# A FIFO with a reader gets exactly what standard output would.
$JXC build $plan >"$t/want" 2>/dev/null
mkfifo "$t/fifo"
cat "$t/fifo" >"$t/got" &
$JXC build -o "$t/fifo" $plan 2>/dev/null
echo "-o FIFO: status $?"
wait
cmp "$t/want" "$t/got" && echo "the reader got the build"
dev "$t/fifo"
ls -A "$t"

# /dev/stdout is written where it leads: a pipe here.
$JXC build -o /dev/stdout $plan 2>/dev/null | cmp - "$t/want" &&
  echo "-o /dev/stdout: same bytes"

# fmt -w: only regular files; nothing is read, so a FIFO does not block.
$JXC fmt -w /dev/null 2>&1
echo "fmt -w /dev/null: status $?"
cp $plan "$t/plan.jx"
cp $plan "$t/saved.jx"
$JXC fmt -w "$t/plan.jx" "$t/fifo" 2>"$t/err"
echo "fmt -w FIFO: status $?"
sed "s|$t|T|g" "$t/err"
cmp -s "$t/plan.jx" "$t/saved.jx" && echo "the other file was not rewritten"
check_devices
