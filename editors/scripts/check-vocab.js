#!/usr/bin/env node
// check-vocab.js — fails when editors/vocab.json and the compiler disagree:
// every fixed spelling of every token (compiler/domain/vocab.def), and the
// character classes of words, units and whitespace (grammar/lexer.l).  Part
// of make test-editors.
'use strict';

const v = require('./vocab.js');

const vocab = v.load();
const problems = v.compare(v.spellings(vocab), v.fromCompiler());

const ASCII_UNIT = [...'%/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].map((c) => c.codePointAt(0));
const classes = [
  ['WU', 'wordChar', v.expand(vocab.classes.wordChar)],
  ['UNITCH', 'wordChar + unitExtra + ASCII letters, % and /',
    [...new Set([...v.expand(vocab.classes.wordChar), ...v.expand(vocab.classes.unitExtra), ...ASCII_UNIT])]],
  // SPACE, and the newline that lexer.l matches by itself.
  ['SPACE', 'space', v.expand(vocab.classes.space).filter((c) => c !== 0x0a)],
];
for (const [flex, json, want] of classes) {
  const have = v.classFromCompiler(flex);
  const a = new Set(want);
  const b = new Set(have);
  const only = (x, y) => [...x].filter((c) => !y.has(c)).slice(0, 5).map((c) => 'U+' + c.toString(16).toUpperCase());
  if (a.size !== b.size || only(a, b).length || only(b, a).length)
    problems.push(`class ${flex} (vocab.json ${json}): only in vocab.json: ${only(a, b).join(' ') || '-'}; only in the lexer: ${only(b, a).join(' ') || '-'}`);
}

if (problems.length) {
  console.error('check-vocab: editors/vocab.json does not match compiler/domain/vocab.def and grammar/lexer.l:');
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
const n = vocab.tokens.reduce((k, t) => k + t.spellings.length, 0);
console.log(`check-vocab: ok, ${vocab.tokens.length} tokens with ${n} spellings and 3 character classes agree with compiler/domain/vocab.def and grammar/lexer.l`);
