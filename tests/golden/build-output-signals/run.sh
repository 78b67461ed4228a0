# build-output-signals: `jxc build -o FILE` interrupted while its
# temporary exists — its input is a FIFO that the case fills only in part
# and holds open — by SIGINT, SIGTERM or SIGHUP removes the temporary and
# dies by that signal (status 128 + N); FILE keeps its old content.  A
# signal ignored when jxc started (nohup, `trap '' INT`) stays ignored.
# SIGPIPE from a closed standard error (2>&1 | head) cleans up the same
# way (and without -o, SIGPIPE on stdout still just stops jxc), and
# writing past `ulimit -f` is an I/O error (status 2).
set -u
if ! env --default-signal=INT true 2>/dev/null; then
  # sh starts `cmd &` with SIGINT ignored; env must undo that
  echo "env --default-signal (coreutils 8.31) is missing" >&2
  exit 77
fi
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
plan=examples/beidaihe-2021.jx
half=$(($(wc -c <$plan) / 2))

wait_for_temporary() { # up to a minute: valgrind starts slowly
  i=0
  while [ $i -lt 1200 ]; do
    ls -A "$t" | grep -q '^\.out\.json\.' && return 0
    sleep 0.05
    i=$((i + 1))
  done
  echo "no temporary appeared"
}
after() { # what is left beside out.json, and its content
  ls -A "$t" | grep -v '^in\.fifo$' | tr '\n' ' '
  echo "| out.json: $(cat "$t/out.json")"
}

for sig in INT TERM HUP; do
  echo old >"$t/out.json"
  rm -f "$t/in.fifo"
  mkfifo "$t/in.fifo"
  env --default-signal=INT $JXC build -o "$t/out.json" "$t/in.fifo" 2>/dev/null &
  pid=$!
  exec 3>"$t/in.fifo"
  head -c $half $plan >&3
  wait_for_temporary
  kill -s $sig $pid
  wait $pid 2>/dev/null # no "Terminated" from the shell
  echo "SIG$sig: status $?"
  exec 3>&-
  after
done

echo old >"$t/out.json"
rm -f "$t/in.fifo"
mkfifo "$t/in.fifo"
(trap '' INT && exec $JXC build -o "$t/out.json" "$t/in.fifo" 2>/dev/null) &
pid=$!
exec 3>"$t/in.fifo"
head -c $half $plan >&3
wait_for_temporary
kill -s INT $pid
tail -c +$((half + 1)) $plan >&3
exec 3>&-
wait $pid
echo "SIGINT ignored from the start: status $?"
rm -f "$t/in.fifo"
ls -A "$t"
echo "out.json: $(head -n 1 "$t/out.json")"

# Three warnings a project: far more on stderr than a pipe holds.
i=0
while [ $i -lt 2000 ]; do
  echo "project \"p$i\" budget 1 < output.quantity \"人数\" = 22人; >"
  i=$((i + 1))
done >"$t/warn.jx"
echo old >"$t/out.json"
( $JXC build -o "$t/out.json" "$t/warn.jx" 2>&1; echo $? >"$t/status" ) |
  head -c 1 >/dev/null
echo "SIGPIPE on stderr: status $(cat "$t/status")"
rm "$t/status"
after
# Without -o, SIGPIPE on stdout stops jxc quietly, as before.
( $JXC build "$t/warn.jx" 2>/dev/null; echo $? >"$t/status" ) | head -c 1 >/dev/null
echo "SIGPIPE on stdout: status $(cat "$t/status")"
rm "$t/status"

# (stderr into a pipe: the warnings alone are past the limit)
( ulimit -f 100
  $JXC build -o "$t/out.json" "$t/warn.jx" 2>&1
  echo "ulimit -f: status $?" ) | grep -v '^ \|warning' | sed "s|$t|T|g"
after
