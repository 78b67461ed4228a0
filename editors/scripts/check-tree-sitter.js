#!/usr/bin/env node
// check-tree-sitter.js — what can be checked of the tree-sitter grammar
// without the tree-sitter CLI: grammar.js is evaluated with a stand-in for
// tree-sitter's DSL, then
//   - every rule it names exists, and every rule is used;
//   - every node name, field name and quoted token in queries/*.scm exists
//     in the grammar, and every keyword of vocab.json is highlighted;
//   - its token patterns (word, number, date, category path) read the
//     samples below the way grammar/lexer.l does.
// make test-editors runs it always; the CLI's own tests (generate, the
// corpus, the highlight tests, parsing every example) run where the CLI is.
'use strict';

const fs = require('fs');
const path = require('path');
const v = require('./vocab.js');

const TS = path.join(v.ROOT, 'editors', 'tree-sitter-jixiao');
const problems = [];

// ---- the DSL, as plain data ------------------------------------------------
const norm = (r) => {
  if (typeof r === 'string') return { type: 'STRING', value: r };
  if (r instanceof RegExp) return { type: 'PATTERN', value: r.source, flags: r.flags };
  if (r && typeof r.type === 'string') return r;
  throw new Error(`grammar.js: not a rule: ${r}`);
};
const dsl = {
  seq: (...m) => ({ type: 'SEQ', members: m.map(norm) }),
  choice: (...m) => ({ type: 'CHOICE', members: m.map(norm) }),
  optional: (r) => ({ type: 'CHOICE', members: [norm(r), { type: 'BLANK' }] }),
  repeat: (r) => ({ type: 'REPEAT', content: norm(r) }),
  repeat1: (r) => ({ type: 'REPEAT1', content: norm(r) }),
  field: (name, r) => ({ type: 'FIELD', name, content: norm(r) }),
  alias: (r, to) => ({ type: 'ALIAS', content: norm(r), named: typeof to !== 'string', value: typeof to === 'string' ? to : to.name }),
  blank: () => ({ type: 'BLANK' }),
  token: Object.assign((r) => ({ type: 'TOKEN', content: norm(r) }), {
    immediate: (r) => ({ type: 'IMMEDIATE_TOKEN', content: norm(r) }),
  }),
  prec: Object.assign((n, r) => ({ type: 'PREC', value: n, content: norm(r) }), {
    left: (n, r) => ({ type: 'PREC_LEFT', value: r === undefined ? 0 : n, content: norm(r === undefined ? n : r) }),
    right: (n, r) => ({ type: 'PREC_RIGHT', value: r === undefined ? 0 : n, content: norm(r === undefined ? n : r) }),
    dynamic: (n, r) => ({ type: 'PREC_DYNAMIC', value: n, content: norm(r) }),
  }),
  grammar: (g) => {
    const $ = new Proxy({}, { get: (_, name) => ({ type: 'SYMBOL', name }) });
    const rules = {};
    for (const [k, f] of Object.entries(g.rules)) rules[k] = norm(f($));
    return { name: g.name, rules, extras: (g.extras ? g.extras($) : []).map(norm), word: g.word && g.word($).name };
  },
};
Object.assign(globalThis, dsl);
const G = require(path.join(TS, 'grammar.js'));

// ---- what the grammar defines -------------------------------------------------
const named = new Set();
const anonymous = new Set();
const fields = new Set();
const used = new Set([Object.keys(G.rules)[0], G.word]);
const patterns = {};
function walk(r, rule, inToken) {
  switch (r.type) {
    case 'SYMBOL':
      used.add(r.name);
      if (!(r.name in G.rules)) problems.push(`grammar.js: rule ${rule} names ${r.name}, which is not a rule`);
      if (!r.name.startsWith('_')) named.add(r.name);
      break;
    case 'STRING':
      anonymous.add(r.value);
      break;
    case 'PATTERN':
      if (inToken || rule) (patterns[rule] = patterns[rule] || []).push(r);
      break;
    case 'ALIAS':
      (r.named ? named : anonymous).add(r.value);
      walk(r.content, rule, inToken);
      break;
    case 'FIELD':
      fields.add(r.name);
      walk(r.content, rule, inToken);
      break;
    case 'TOKEN':
    case 'IMMEDIATE_TOKEN':
      walk(r.content, rule, true);
      break;
    default:
      for (const m of r.members || []) walk(m, rule, inToken);
      if (r.content) walk(r.content, rule, inToken);
  }
}
for (const [name, r] of Object.entries(G.rules)) {
  if (!name.startsWith('_')) named.add(name);
  walk(r, name, false);
}
for (const e of G.extras) walk(e, null, false);
for (const name of Object.keys(G.rules)) if (!used.has(name)) problems.push(`grammar.js: rule ${name} is never used`);

// ---- the queries ---------------------------------------------------------
for (const file of fs.readdirSync(path.join(TS, 'queries')).filter((f) => f.endsWith('.scm'))) {
  const text = fs.readFileSync(path.join(TS, 'queries', file), 'utf8')
    .replace(/"(?:[^"\\]|\\.)*"|;.*$/gm, (m) => (m.startsWith('"') ? m : '')); // comments
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"/g))
    if (!anonymous.has(m[1])) problems.push(`queries/${file}: "${m[1]}" is not a token of the grammar`);
  const bare = text.replace(/"((?:[^"\\]|\\.)*)"/g, '""');
  for (const m of bare.matchAll(/\(\s*([A-Za-z_][A-Za-z0-9_]*)/g))
    if (!named.has(m[1])) problems.push(`queries/${file}: (${m[1]}) is not a node of the grammar`);
  for (const m of bare.matchAll(/([A-Za-z_][A-Za-z0-9_]*):/g))
    if (!fields.has(m[1])) problems.push(`queries/${file}: ${m[1]}: is not a field of the grammar`);
}
const hl = fs.readFileSync(path.join(TS, 'queries', 'highlights.scm'), 'utf8');
for (const t of v.load().tokens.filter((t) => t.kind === 'keyword'))
  if (!hl.includes(`"${t.spellings[0]}"`)) problems.push(`queries/highlights.scm: keyword "${t.spellings[0]}" (${t.token}) is not highlighted`);

// ---- the token patterns, on samples ---------------------------------------
const whole = (rule, i = 0) => new RegExp(`^(?:${patterns[rule][i].value})$`, 'u');
const samples = {
  word: [['local', 'central2021', '_x', '万元', '数量指标', '项目名称'], ['2021', 'a.b', '项目 名称', '“引号”', '（本级）', '万元；', '90％']],
  number: [['22人', '89.10', '89.1万元', '90%', '90％', '100‰', '100百分比', '3月底', '-5', '+0.5', '20年', '10人/天', '22人描述'], ['.5', '5.', '2021-12-31', '22 人', '5；']],
  date: [['2021年12月31日', '2021年12月', '2021-12-31', '2021-1-1'], ['2021年', '21年12月', '2021/12/31', '2021-12']],
  category: [['output.quantity', '产出指标.数量指标', '产出．数量', 'output.其他'], ['output.', '.quantity', 'output . quantity', 'a.b.c']],
};
for (const [rule, [good, bad]] of Object.entries(samples)) {
  if (!patterns[rule]) {
    problems.push(`grammar.js: no token pattern in rule ${rule}`);
    continue;
  }
  const r = whole(rule);
  for (const s of good) if (!r.test(s)) problems.push(`grammar.js: ${rule} does not read "${s}" whole`);
  for (const s of bad) if (r.test(s)) problems.push(`grammar.js: ${rule} reads "${s}" as one token`);
}

if (problems.length) {
  console.error('check-tree-sitter: the tree-sitter grammar has problems:');
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log(`check-tree-sitter: ok, ${Object.keys(G.rules).length} rules; the queries name only nodes, fields and tokens the grammar has; its tokens read ${Object.values(samples).flat(2).length} samples as the lexer does`);
