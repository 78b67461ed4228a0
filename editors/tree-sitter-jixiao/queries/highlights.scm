; highlights.scm — every spelling of a keyword is its English name in the
; tree (项目 is "project"), so each is listed once here.

(comment) @comment

[
  "plan"
  "framework"
  "currency"
  "department"
  "division"
  "unit"
  "project"
  "goal"
  "measure"
  "indicator"
  "budget"
  "code"
  "funds"
  "fiscal"
  "other"
  "purpose"
  "schedule"
  "desc"
  "basis"
  "role"
  "actuals"
  "spent"
  "budget_full"
  "weight"
  "score"
  "reason"
  "likelihood"
  "profile"
  "target"
  "form"
  "supervisor"
  "implementer"
  "total"
  "period"
  "overall"
  "class"
  "nature"
  "policy"
  "document"
  "subject"
  "manager"
  "contact"
  "attribute"
  "breakdown"
  "standard"
  "explanation"
  "note"
  "remark"
  "scoring"
] @keyword

(operator) @operator

(category) @type
(level1 code: (word) @type)
(level2 code: (word) @type)
(level1 role: (word) @constant.builtin)
(level2 role: (word) @constant.builtin)
(header framework: (word) @namespace)
(framework_declaration name: (word) @namespace)
(header currency: (word) @type.builtin)
(header form: (word) @namespace)
(source kind: (word) @type.builtin)

(string) @string
(escape_sequence) @string.escape

(number) @number
(date) @number
(month) @constant.builtin
(not_applicable) @constant.builtin
(targeted) @constant.builtin
(actual rating: (word) @constant.builtin)
(reason category: (word) @constant.builtin)
(likelihood value: (word) @constant.builtin)
(profile name: (word) @namespace)
(actuals profile: (word) @namespace)
(setting name: (word) @property)

["{" "}"] @punctuation.bracket
";" @punctuation.delimiter
