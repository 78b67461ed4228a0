; indents.scm — the contents of a block are indented one level (nvim-treesitter
; capture names).  A statement continued on the next line (desc/basis after an
; indicator's value) is indented as well.
[
  (framework_declaration)
  (level1)
  (department)
  (division)
  (unit)
  (project)
] @indent.begin

"}" @indent.branch @indent.end

[
  (indicator)
  (measure)
] @indent.begin

(string) @indent.auto
(comment) @indent.auto
