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
    ),

    // plan [NUMBER] [framework WORD] [currency WORD] ;
    header: ($) => seq(
      spelled('PLAN'),
      optional(field('year', $.number)),
      optional(seq(spelled('FRAMEWORK'), field('framework', $.word))),
      optional(seq(spelled('CURRENCY'), field('currency', $.word))),
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
    _department_item: ($) => choice($.goal, $.division, $.measure, $.indicator),

    division: ($) => seq(
      spelled('DIVISION'),
      field('name', $.string),
      $._open, repeat($._division_item), $._close,
    ),
    _division_item: ($) => choice($.goal, $.indicator),

    unit: ($) => seq(
      spelled('UNIT'),
      field('code', choice($.number, $.string)),
      field('name', $.string),
      $._open, repeat($._unit_item), $._close,
    ),
    _unit_item: ($) => choice($.goal, $.measure, $.project),

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
      $.funds,
      $.purpose,
      $.schedule,
      $.goal,
      $.indicator,
    ),

    code: ($) => seq(spelled('CODE'), field('value', choice($.string, $.number)), $._semi),
    budget: ($) => seq(spelled('BUDGET'), field('amount', $.number), $._semi),
    // funds (fiscal NUMBER | other NUMBER)* ;
    funds: ($) => seq(spelled('FUNDS'), repeat(choice($.fiscal, $.other)), $._semi),
    fiscal: ($) => seq(spelled('FISCAL'), field('amount', $.number)),
    other: ($) => seq(spelled('OTHER'), field('amount', $.number)),
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

    // CATEGORY STRING [target] [op] value attr* ;  or  indicator STRING …
    // (target: the column heading 指标值, which the compiler drops)
    indicator: ($) => seq(
      choice(field('category', $.category), spelled('INDICATOR')),
      field('name', $.string),
      optional(spelled('TARGET')),
      optional(field('operator', $.operator)),
      field('value', $._value),
      repeat(choice($.desc, $.basis)),
      $._semi,
    ),
    desc: ($) => seq(spelled('DESC'), field('text', $.string)),
    basis: ($) => seq(spelled('BASIS'), field('text', $.string)),

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
