// vocab.js — the one list of jixiao's spellings that the editor grammars use,
// and the reader that checks it against the compiler's own definition.
//
// editors/vocab.json names every token that has fixed spellings (keywords,
// month names, n/a, operators, punctuation) with all its spellings; the first
// spelling is the canonical (English or ASCII) one.  gen.js builds the
// TextMate grammar, the Vim syntax keywords and the tree-sitter keyword table
// from it.  fromCompiler() reads the same facts out of grammar/lexer.l, so
// `node check-vocab.js` fails the moment the two drift apart.  When the
// keywords move into a table (compiler/domain/vocab.def), only fromCompiler()
// changes.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const VOCAB = path.join(ROOT, 'editors', 'vocab.json');
const LEXER = path.join(ROOT, 'grammar', 'lexer.l');

function load(file = VOCAB) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// { TOKEN: [spellings...] } for every token in vocab.json.
function spellings(vocab) {
  const out = {};
  for (const t of vocab.tokens) out[t.token] = t.spellings.slice();
  return out;
}

// The rules section of lexer.l holds lines such as
//   "plan"|"计划"|"年度"   { return PLAN; }
// (an action may start on the next line).  Every rule whose pattern is only
// quoted strings and whose action returns a token is a fixed spelling; the
// DOT definition gives the category dot.
function fromCompiler(file = LEXER) {
  const text = fs.readFileSync(file, 'utf8');
  const parts = text.split(/^%%$/m);
  if (parts.length < 3) throw new Error(`${file}: no rules section`);
  const defs = parts[0];
  const rules = parts[1];
  const out = {};
  const rule = /^((?:"[^"\n]*"\|?)+)[ \t]*(?:\n[ \t]*)?\{([^}]*?)\breturn[ \t]+([A-Z_]+)[ \t]*;/gm;
  let m;
  while ((m = rule.exec(rules)) !== null) {
    const words = [...m[1].matchAll(/"([^"\n]*)"/g)].map((x) => x[1]);
    const tok = m[3];
    out[tok] = (out[tok] || []).concat(words);
  }
  const dot = /^DOT[ \t]+((?:"[^"\n]*"\|?)+)[ \t]*$/m.exec(defs);
  if (!dot) throw new Error(`${file}: no DOT definition`);
  out.DOT = [...dot[1].matchAll(/"([^"\n]*)"/g)].map((x) => x[1]);
  return out;
}

// The code points (as a sorted array) that a flex definition in lexer.l
// matches as one whole character: WU, UNITCH, SPACE.  The byte patterns are
// turned into a JavaScript regular expression over the UTF-8 bytes of each
// character, so the check reads the lexer's own text, not a transcription.
function classFromCompiler(name, file = LEXER) {
  const defs = fs.readFileSync(file, 'utf8').split(/^%%$/m)[0];
  const def = (n) => {
    const m = new RegExp(`^${n}[ \t]+(.*)$`, 'm').exec(defs);
    if (!m) throw new Error(`${file}: no definition of ${n}`);
    return m[1].trim();
  };
  const toRegex = (src) =>
    src
      .replace(/\{([A-Z]+)\}/g, (_, n) => `(?:${toRegex(def(n))})`)
      .replace(/"([^"]*)"/g, (_, lit) =>
        lit.includes('\\')
          ? `(?:${lit})`
          : [...Buffer.from(lit, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''));
  const re = new RegExp(`^(?:${toRegex(def(name))})$`);
  const out = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (re.test(Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1'))) out.push(cp);
  }
  return out;
}

// vocab.json's ranges ([["0080", "1FFF"], ...] or ["FF05", ...]) as code points.
function expand(ranges) {
  const out = [];
  for (const r of ranges) {
    const [lo, hi] = Array.isArray(r) ? r : [r, r];
    for (let cp = parseInt(lo, 16); cp <= parseInt(hi, 16); cp++) out.push(cp);
  }
  return out.sort((a, b) => a - b);
}

// Differences between two { TOKEN: [spellings] } maps, as readable lines.
function compare(want, have) {
  const lines = [];
  const toks = new Set([...Object.keys(want), ...Object.keys(have)]);
  for (const t of [...toks].sort()) {
    const a = new Set(want[t] || []);
    const b = new Set(have[t] || []);
    if (!want[t]) lines.push(`${t}: in the compiler, not in editors/vocab.json`);
    else if (!have[t]) lines.push(`${t}: in editors/vocab.json, not in the compiler`);
    for (const s of a) if (!b.has(s)) lines.push(`${t}: "${s}" is in editors/vocab.json only`);
    for (const s of b) if (!a.has(s)) lines.push(`${t}: "${s}" is in the compiler only`);
  }
  return lines;
}

module.exports = {
  ROOT, VOCAB, LEXER, load, spellings, fromCompiler, classFromCompiler, expand, compare,
};
