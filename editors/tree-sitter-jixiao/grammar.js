/**
 * grammar.js — the tree-sitter grammar of jixiao, for highlighting, folding
 * and indenting in editors (Neovim, Helix, Zed, Emacs 29+).
 *
 * It follows grammar/parser.y rule for rule, and takes every fixed spelling
 * (keywords, operators, punctuation, month names, n/a) and the character
 * classes of words and units from vocab.json, which editors/scripts/gen.js
 * writes from editors/vocab.json (checked against grammar/lexer.l).  Every
 * spelling of a keyword appears in the tree under its canonical English
 * name, so `项目` and `project` are both the node "project" and the queries
 * name each keyword once.  Adding a statement is adding a rule and naming it
 * in the choice of the block that holds it (_project_item, _unit_item, ...).
 *
 * Like the compiler, a keyword is a whole word: 项目名称 is a word, not the
 * keyword 项目 (the `word` token below); a category path output.quantity or
 * 产出指标.数量指标 is one token; a number takes the letters after it as its
 * unit (22人, 89.1万元, 90％).
 */

const V = require('./vocab.json');

const cp = (h) => `\\u{${h}}`;
const WU = V.wordChar.map(([lo, hi]) => `${cp(lo)}-${cp(hi)}`).join('');
const UNIT = `A-Za-z%/${V.unitExtra.map(cp).join('')}${WU}`;
const SPACE = V.space.map(cp).join('');
const WORD = `(?:[A-Za-z_][A-Za-z0-9_]*|[${WU}]+)`;
const DOT = V.tokens.DOT.map((s) => s.replace(/[.]/g, '\\.')).join('');
// The u flag only lets JavaScript read \u{...}; tree-sitter ignores it.
const re = (source) => new RegExp(source, 'u');

// One token's spellings, every one named after the first (canonical) one.
function spelled(name, as) {
  const [first, ...rest] = V.tokens[name];
  const to = as || first;
  return choice(...[first, ...rest].map((s) => (s === to ? s : alias(s, to))));
}

module.exports = grammar({
  name: 'jixiao',

  extras: ($) => [re(`[${SPACE}\\u{FEFF}]`), $.comment],

  // Keywords are whole words, as in lexer.l.
  word: ($) => $.word,

  rules: {
    source_file: ($) => repeat($._declaration),

    _declaration: ($) => choice(
      $.header,
      $.framework_declaration,
      $.department,
      $.unit,
      $.project,
      $.actuals,
      $.profile,
    ),

    // plan [NUMBER] (framework WORD | form WORD | currency WORD)* ;
    header: ($) => seq(
      spelled('PLAN'),
      optional(field('year', $.number)),
      repeat(choice(
        seq(spelled('FRAMEWORK'), field('framework', $.word)),
        seq(spelled('FORM'), field('form', $.word)),
        seq(spelled('CURRENCY'), field('currency', $.word)),
      )),
      $._semi,
    ),

    // framework WORD [STRING] { level1* }
    framework_declaration: ($) => seq(
      spelled('FRAMEWORK'),
      field('name', $.word),
      optional(field('label', $.string)),
      $._open, repeat($.level1), $._close,
    ),
    level1: ($) => seq(
      field('code', $.word),
      field('label', $.string),
      optional(seq(spelled('ROLE'), field('role', $.word))),
      $._open, repeat($.level2), $._close,
    ),
    level2: ($) => seq(
      field('code', $.word),
      field('label', $.string),
      optional(seq(spelled('ROLE'), field('role', $.word))),
      $._semi,
    ),

    department: ($) => seq(
      spelled('DEPARTMENT'),
      field('name', $.string),
      $._open, repeat($._department_item), $._close,
    ),
    _department_item: ($) => choice(
      $.goal, $.division, $.measure, $.indicator, $.code, $.budget, $.breakdown,
    ),

    division: ($) => seq(
      spelled('DIVISION'),
      field('name', $.string),
      $._open, repeat($._division_item), $._close,
    ),
    _division_item: ($) => choice($.goal, $.indicator),

    // unit [CODE] STRING { … }: a unit may be known by its name alone.
    unit: ($) => seq(
      spelled('UNIT'),
      optional(field('code', choice($.number, $.string))),
      field('name', $.string),
      $._open, repeat($._unit_item), $._close,
    ),
    _unit_item: ($) => choice(
      $.goal, $.measure, $.project, $.supervisor, $.implementer,
    ),

    // project STRING [budget NUMBER] { project_item* }
    project: ($) => seq(
      spelled('PROJECT'),
      field('name', $.string),
      optional(seq(spelled('BUDGET'), field('budget', $.number))),
      $._open, repeat($._project_item), $._close,
    ),
    _project_item: ($) => choice(
      $.code,
      $.budget,
      $.total,
      $.funds,
      $.purpose,
      $.schedule,
      $.period,
      $.supervisor,
      $.implementer,
      $.field,
      $.breakdown,
      $.overall,
      $.goal,
      $.indicator,
    ),

    code: ($) => seq(spelled('CODE'), field('value', choice($.string, $.number)), $._semi),
    budget: ($) => seq(spelled('BUDGET'), field('amount', $.number), $._semi),
    total: ($) => seq(spelled('TOTAL'), field('amount', $.number), $._semi),
    // funds (fiscal NUMBER | other NUMBER | WORD NUMBER)* ; the word is a
    // source of funds (上级资金, 本级 …)
    funds: ($) => seq(
      spelled('FUNDS'), repeat(choice($.fiscal, $.other, $.source)), $._semi,
    ),
    fiscal: ($) => seq(spelled('FISCAL'), field('amount', $.number)),
    other: ($) => seq(spelled('OTHER'), field('amount', $.number)),
    source: ($) => seq(field('kind', $.word), field('amount', $.number)),
    period: ($) => seq(spelled('PERIOD'), field('value', $._value), $._semi),
    // supervisor|implementer [CODE] NAME ;
    supervisor: ($) => seq(
      spelled('SUPERVISOR'),
      optional(field('code', choice($.number, $.string))),
      field('name', $.string),
      $._semi,
    ),
    implementer: ($) => seq(
      spelled('IMPLEMENTER'),
      optional(field('code', choice($.number, $.string))),
      field('name', $.string),
      $._semi,
    ),
    // The header fields of a form: class "…"; manager "name" ["phone"]; …
    field: ($) => seq(
      choice(
        seq(choice(spelled('CLASS'), spelled('NATURE'), spelled('POLICY'),
          spelled('DOCUMENT')), field('value', $.string)),
        seq(spelled('SUBJECT'), field('value', choice($.string, $.number))),
        seq(choice(spelled('MANAGER'), spelled('CONTACT')),
          field('value', $.string),
          optional(field('phone', choice($.string, $.number)))),
        seq(spelled('ATTRIBUTE'), field('key', $.string),
          field('value', $.string)),
      ),
      $._semi,
    ),
    // breakdown ([STRING] NUMBER)+ ;
    breakdown: ($) => seq(spelled('BREAKDOWN'), repeat($.line_item), $._semi),
    line_item: ($) => seq(optional(field('name', $.string)), field('amount', $.number)),
    overall: ($) => seq(spelled('OVERALL'), field('text', $.string), $._semi),
    purpose: ($) => seq(spelled('PURPOSE'), field('text', $.string), $._semi),
    // schedule (MONTH NUMBER | NUMBER NUMBER)* ;  — mar 25% or 3月底 25%
    schedule: ($) => seq(spelled('SCHEDULE'), repeat($.schedule_entry), $._semi),
    schedule_entry: ($) => seq(
      field('month', choice($.month, $.number)),
      field('percent', $.number),
    ),

    goal: ($) => seq(spelled('GOAL'), field('text', $.string), $._semi),
    measure: ($) => seq(
      spelled('MEASURE'),
      field('title', $.string),
      optional(field('text', $.string)),
      $._semi,
    ),

    // ---- the rest of the year (docs/eval.md) --------------------------------
    // actuals [STRING] [profile WORD] { project STRING { actual* }* }
    actuals: ($) => seq(
      spelled('ACTUALS'),
      optional(field('plan', $.string)),
      optional(seq(spelled('PROFILE'), field('profile', $.word))),
      $._open, repeat($.actual_project), $._close,
    ),
    actual_project: ($) => seq(
      spelled('PROJECT'),
      field('name', $.string),
      $._open, repeat($.actual), $._close,
    ),
    // "name" [value] attr* ;  spent [NUMBER] attr* ;  budget_full [NUMBER] attr* ;
    // (no value: named, with no actual yet)
    actual: ($) => seq(
      choice(
        seq(field('name', $.string), optional(field('value', $._actual_value))),
        seq(spelled('SPENT'), optional(field('value', $.number))),
        seq(spelled('BUDGET_FULL'), optional(field('value', $.number))),
      ),
      repeat($._actual_attr),
      $._semi,
    ),
    _actual_value: ($) => choice(
      $.number,
      $.date,
      $.not_applicable,
      $.targeted,
      seq($.string, optional(field('rating', $.word))),
      field('rating', $.word),
    ),
    targeted: ($) => spelled('TARGETED'),
    _actual_attr: ($) => choice($.weight, $.score, $.reason, $.measure_taken, $.likelihood),
    weight: ($) => seq(spelled('WEIGHT'), field('value', $.number)),
    score: ($) => seq(spelled('SCORE'), field('value', $.number)),
    reason: ($) => seq(
      spelled('REASON'),
      choice(
        seq(field('category', choice($.word, spelled('OTHER'))), optional(field('text', $.string))),
        field('text', $.string),
      ),
    ),
    measure_taken: ($) => seq(spelled('MEASURE'), field('text', $.string)),
    likelihood: ($) => seq(spelled('LIKELIHOOD'), field('value', $.word)),
    // profile WORD ;  or  profile WORD [STRING] { WORD value* ; … }
    profile: ($) => seq(
      spelled('PROFILE'),
      field('name', $.word),
      choice(
        $._semi,
        seq(optional(field('label', $.string)), $._open, repeat($.setting), $._close),
      ),
    ),
    setting: ($) => seq(
      field('name', $.word),
      repeat(field('value', choice($.word, $.number, $.string))),
      $._semi,
    ),

    // CATEGORY STRING [op] value attr* ;  or  indicator STRING [op] value
    // attr* ;  A row may have no name (CATEGORY [op] value attr* ;) or
    // nothing (CATEGORY attr* ;), as parser.y's indicator rules.
    // CATEGORY STRING [target] [op] value attr* ;  or  indicator STRING …
    // (target: the column heading 指标值, which the compiler drops).  A row
    // may have no name (CATEGORY [op] value attr* ;) or nothing (CATEGORY
    // attr* ;), as parser.y's indicator rules.
    indicator: ($) => seq(
      choice(field('category', $.category), spelled('INDICATOR')),
      optional(choice(
        seq(
          field('name', $.string),
          optional(spelled('TARGET')),
          optional(field('operator', $.operator)),
          field('value', $._value),
        ),
        seq(optional(field('operator', $.operator)), field('value', $._value)),
      )),
      repeat(choice(
        $.desc, $.basis, $.standard, $.explanation, $.note, $.remark,
        $.scoring, $.period_target,
      )),
      $._semi,
    ),
    desc: ($) => seq(spelled('DESC'), field('text', $.string)),
    basis: ($) => seq(spelled('BASIS'), field('text', $.string)),
    standard: ($) => seq(spelled('STANDARD'), field('text', $.string)),
    explanation: ($) => seq(spelled('EXPLANATION'), field('text', $.string)),
    note: ($) => seq(spelled('NOTE'), field('text', $.string)),
    remark: ($) => seq(spelled('REMARK'), field('text', $.string)),
    scoring: ($) => seq(spelled('SCORING'), field('text', $.string)),
    // period [op] value: the row's target over the project's period
    period_target: ($) => seq(
      spelled('PERIOD'),
      optional(field('operator', $.operator)),
      field('value', $._value),
    ),

    // output.quantity, 产出指标.数量指标, or a level-2 name alone (数量指标).
    category: ($) => choice(token(re(`${WORD}[${DOT}]${WORD}`)), $.word),

    operator: ($) => choice(
      spelled('GE'),
      spelled('LE'),
      spelled('GT'),
      spelled('LT'),
      spelled('EQ'),
    ),

    _value: ($) => choice($.number, $.date, $.string, $.not_applicable),

    // A block opens with { ｛ or < (and the other spellings of <), and
    // closes likewise: all of them are "{" and "}" in the tree.
    _open: ($) => choice(spelled('LBRACE'), spelled('LT', '{')),
    _close: ($) => choice(spelled('RBRACE'), spelled('GT', '}')),
    _semi: ($) => spelled('SEMI'),

    not_applicable: ($) => spelled('NA'),
    month: ($) => choice(...V.tokens.MONTH),

    // 2021年12月31日, 2021年12月, 2021-12-31
    date: ($) => token(re('[0-9]{4}(?:年[0-9]{1,2}月(?:[0-9]{1,2}日)?|-[0-9]{1,2}-[0-9]{1,2})')),
    // 22人, 89.10, 90%, 90％, -5, 3月底: the digits and their unit, one token.
    number: ($) => token(re(`[-+]?[0-9]+(?:\\.[0-9]+)?[${UNIT}]*`)),

    // A raw line break inside a string is allowed (line folding).
    string: ($) => seq(
      '"',
      repeat(choice($._string_content, $.escape_sequence)),
      token.immediate('"'),
    ),
    _string_content: ($) => token.immediate(prec(1, /[^"\\]+/)),
    escape_sequence: ($) => token.immediate(seq('\\', choice(/["\\nt]/, /u\{[0-9A-Fa-f]{1,6}\}/))),

    word: ($) => token(re(WORD)),

    comment: ($) => token(seq(choice('#', '//'), /[^\n]*/)),
  },
});
