# io-directory: a directory given as an input is refused by every command
# with "Is a directory", status 2, and nothing on standard output; before,
# `fmt DIR` exited 0 having checked nothing.
# Run by the golden runner from the repository root with $JXC set.
set -u
dir=tests/golden/io-directory
for cmd in "check $dir" "build $dir" "build -f csv examples/card-sample.jx $dir" \
           "fmt $dir" "fmt -w $dir" "fmt --check $dir" \
           "diff $dir examples/card-sample.jx" \
           "diff examples/card-sample.jx $dir"; do
  echo "== jxc $cmd"
  $JXC $cmd
  echo "status $?"
done 2>&1
