# check-long-token: a 10 MB word or number is quoted in its message by its
# first bytes and "…" (cut at a character boundary), as long lines are in
# the quote below it, so one message stays one screen.  Before, each such
# message was 10 MB long.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
python3 - "$d/long.jx" <<'PY'
import sys
n = 10 << 20
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('project "x" budget 1' + "9" * n + ' {\n}\n')
    f.write("人" * (n // 3) + "\n")
PY
$JXC check "$d/long.jx" > "$d/err" 2>&1
echo "status $?"
sed "s|$d/||g" "$d/err"
test "$(wc -c < "$d/err")" -lt 5000 && echo "under 5000 bytes"
