#!/usr/bin/env node
// corpus-inputs.js OUTDIR — writes the input of every test in
// tree-sitter-jixiao/test/corpus/*.txt to OUTDIR/<file>-<n>.jx, so that
// test-editors.sh can check that jxc accepts each one: the corpus must be
// jixiao, not a dialect only the tree-sitter grammar knows.
'use strict';

const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'tree-sitter-jixiao', 'test', 'corpus');
const out = process.argv[2];
fs.mkdirSync(out, { recursive: true });
let n = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  // ===\nname\n===\n\ninput\n---\n\ntree  (repeated)
  const tests = text.split(/^={3,}\n.*\n={3,}\n/m).slice(1);
  tests.forEach((t, i) => {
    const input = t.split(/^-{3,}\n/m)[0].replace(/^\n/, '');
    fs.writeFileSync(path.join(out, `${path.basename(file, '.txt')}-${i + 1}.jx`), input);
    n++;
  });
}
console.log(n);
