; folds.scm — every block folds, and so does a string that runs over lines.
[
  (framework_declaration)
  (level1)
  (department)
  (division)
  (unit)
  (project)
  (string)
] @fold
