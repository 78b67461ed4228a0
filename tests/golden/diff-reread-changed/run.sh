# diff-reread-changed: `jxc diff` reads its old side twice (it keeps only
# what changed, compiler/diff/diff_stream.h); an old file that changes in
# between is a read-error and nothing is compared.  The new side is a FIFO,
# so the old file can be changed while jxc waits for the new side's end:
# after the first reading of the old side, before the second.
set -u
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
cp examples/card-sample.jx "$t/old.jx"
mkfifo "$t/new.jx" || exit 2
cd "$t" || exit 2
$JXC diff old.jx new.jx >out 2>err &
pid=$!
exec 3>new.jx                 # jxc has opened both sides: it waits for this one
cat old.jx >&3
echo '# an edit' >>old.jx     # the old side changes before the new one ends
exec 3>&-
wait $pid
echo "status $?"
echo "== stdout"
cat out
echo "== stderr"
cat err
