# check-terminal-escapes: ESC, other controls and bidi overrides (U+202E,
# U+2066…) from the input reach the terminal escaped in text diagnostics,
# as \x1B and <U+202E>: in the quoted line, in the file name and in text
# echoed into a message.  JSON keeps the text, escaped by JSON's rules.
# The input is written here: the repository keeps no such file names.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
name=$(printf 'plan\033[2J\342\200\256x.jx')
# A project name with an RLO (U+202E) and an LRI (U+2066), echoed in the
# budget-missing message; a comment with a raw ESC sequence; a word with a
# PDF (U+202C).
printf 'project "a\342\200\256b\342\201\246c" {\n}\n# \033[31mred\nproject "p" budget 1 {\n  goal\342\200\254x "y";\n}\n' \
  > "$d/$name"
$JXC check "$d/$name" 2>&1 | sed "s|$d/||g"
echo "== JSON"
$JXC check --diagnostics=json "$d/$name" 2>&1 | sed "s|$d/||g"
